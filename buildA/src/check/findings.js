export function formatFinding(finding) {
    return `${finding.file}:${finding.line}:${finding.column}  ${finding.level}  ${finding.message}`;
}
export function sortFindings(findings) {
    return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
export function summarize(findings, filesChecked) {
    const errors = findings.filter((finding) => finding.level === 'error').length;
    const warnings = findings.length - errors;
    const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
    return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(filesChecked, 'file')} checked`;
}
//# sourceMappingURL=findings.js.map