import { isObject, type Json } from './json-value.js'

/** Where a value is inside a configuration file's JSON: `['contact', 'email']`. */
export type Path = (string | number)[]
export type Report = (path: Path, message: string) => void

/** Reads fields of a group, reporting what is missing or of the wrong kind. */
export function fieldReader(problem: Report) {
  return {
    object(value: unknown, path: Path): Json {
      if (isObject(value)) return value
      problem(path, 'must be a group of fields in { }')
      return {}
    },
    text(parent: Json, path: Path, required = true): string {
      const value = parent[path[path.length - 1] as string]
      if (value === undefined && !required) return ''
      if (typeof value !== 'string' || (required && value.trim() === '')) {
        problem(path, value === undefined ? 'is missing' : 'must be a non-empty text')
        return ''
      }
      return value.trim()
    },
  }
}
export type FieldReader = ReturnType<typeof fieldReader>
