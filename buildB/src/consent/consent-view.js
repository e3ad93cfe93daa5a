import { answerKey, everyAnswer, nothingToChoose, unanswered, } from './consent-policy.js';
export const savedSuffix = '+saved';
/** Every variant a page can be in, given what there is to choose and whether it has the form. */
export function consentViews(policy, inventory, language, options) {
    const { t } = language;
    const describe = (choices) => policy.categories.map((category) => ({
        id: category,
        name: t(`cookies:categories.${category}`),
        usedBy: t('cookies:preferences.usedBy', {
            cookies: new Intl.ListFormat(language.lng, { type: 'conjunction' }).format(inventory
                .filter((entry) => entry.category === category)
                .map((entry) => `${entry.name} (${entry.provider})`)),
        }),
        yes: choices[category] === true,
    }));
    if (policy.categories.length === 0) {
        return [
            {
                key: nothingToChoose,
                nothingToChoose: true,
                banner: false,
                saved: false,
                categories: [],
                scripts: [],
            },
        ];
    }
    const views = [
        {
            key: unanswered,
            nothingToChoose: false,
            banner: true,
            saved: false,
            categories: describe({}),
            scripts: [],
        },
    ];
    for (const choices of everyAnswer(policy.categories)) {
        const view = {
            key: answerKey(policy.categories, choices),
            nothingToChoose: false,
            banner: false,
            saved: false,
            categories: describe(choices),
            scripts: policy.scriptsFor(choices),
        };
        views.push(view);
        if (options.withConfirmation)
            views.push({ ...view, key: `${view.key}${savedSuffix}`, saved: true });
    }
    return views;
}
//# sourceMappingURL=consent-view.js.map