const sectionId = /^[a-z][a-z0-9-]*$/

/** What is wrong with a section order, each problem with the index of the id it concerns. */
export function sectionOrderProblems(raw: unknown): { index?: number; message: string }[] {
  const order = (raw as { policy?: unknown } | null)?.policy
  if (!Array.isArray(order) || order.length === 0) {
    return [{ message: '"policy" must be a list of section ids' }]
  }
  const problems: { index?: number; message: string }[] = []
  order.forEach((id, index) => {
    if (typeof id !== 'string' || !sectionId.test(id)) {
      problems.push({
        index,
        message: `"${String(id)}" is not a section id (lower-case letters, digits, hyphens)`,
      })
    } else if (order.indexOf(id) !== index) {
      problems.push({ index, message: `"${id}" is listed twice` })
    }
  })
  return problems
}
