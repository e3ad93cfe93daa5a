import type { Translate } from '../content/locales.js'
import { requestKinds } from '../store/request-kinds.js'
import {
  emptyForm,
  type FormErrors,
  type FormField,
  type FormValues,
  fieldLimits,
  formFields,
  trapField,
} from './request-form.js'

/** The id of a field's input (and of its group, for the kind), for labels and the error list. */
export const fieldId = (field: FormField) => `request-${field}`

/** What the form template shows: each field with its value and its error, and the error list. */
export interface RequestFormView {
  readonly kinds: readonly {
    readonly value: string
    readonly id: string
    readonly label: string
    readonly hint: string
    readonly checked: boolean
  }[]
  readonly values: FormValues
  readonly errors: Readonly<Partial<Record<FormField, string>>>
  /** Each error as a link to its field, in the order of the fields. */
  readonly errorList: readonly { readonly href: string; readonly text: string }[]
  readonly ids: Readonly<Record<FormField, string>>
  readonly limits: typeof fieldLimits
  readonly trapField: string
  readonly retentionMonths: number
}

function messageOf(t: Translate, field: FormField, error: NonNullable<FormErrors[string]>): string {
  const max = field === 'kind' ? 0 : fieldLimits[field]
  return t(`request:errors.${field}.${error.problem}`, { max, count: error.count ?? 0 })
}

/** The form empty (as prerendered) or as sent back with its errors. */
export function requestFormView(
  t: Translate,
  retentionMonths: number,
  values: FormValues = emptyForm,
  errors: FormErrors = {},
): RequestFormView {
  const messages: Partial<Record<FormField, string>> = {}
  for (const field of formFields) {
    const error = errors[field]
    if (error) messages[field] = messageOf(t, field, error)
  }
  return {
    kinds: requestKinds.map((kind) => ({
      value: kind,
      id: `${fieldId('kind')}-${kind}`,
      label: t(`request:kinds.${kind}.label`),
      hint: t(`request:kinds.${kind}.hint`),
      checked: values.kind === kind,
    })),
    values,
    errors: messages,
    errorList: formFields.flatMap((field) => {
      const text = messages[field]
      // The kind's error leads to its first choice: a fieldset itself takes no focus.
      const target = field === 'kind' ? `${fieldId('kind')}-${requestKinds[0]}` : fieldId(field)
      return text ? [{ href: `#${target}`, text }] : []
    }),
    ids: Object.fromEntries(formFields.map((field) => [field, fieldId(field)])) as Record<
      FormField,
      string
    >,
    limits: fieldLimits,
    trapField,
    retentionMonths,
  }
}
