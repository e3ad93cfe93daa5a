import {
  findNodeAtLocation,
  type JSONPath,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'
import type { SourceFile } from '../read/read-sources.js'
import type { Finding } from './findings.js'

/** A JSON file parsed with the position of every value, so findings can point into it. */
export interface JsonDocument {
  readonly file: string
  readonly value: unknown
  /** Where a value is (its key, for a field); the nearest existing parent when it is missing. */
  at(path: JSONPath): { line: number; column: number }
  /** Where character `index` of the text at `path` is, counting escapes in the file. */
  atCharacter(path: JSONPath, index: number): { line: number; column: number }
  has(path: JSONPath): boolean
}

const explanations: Record<string, string> = {
  PropertyNameExpected:
    'expected a name in double quotes here. Is there a comma after the last entry of a group? Remove it',
  ValueExpected:
    'expected a value here: a text in double quotes, a list in [ ] or a group in { }. Is there a comma after the last entry of a list? Remove it',
  ColonExpected: 'expected a colon (:) between the name and its value',
  CommaExpected:
    'expected a comma between two entries: is one missing at the end of the line before, or is a } missing that closes the group above?',
  CloseBraceExpected: 'a group opened with { is not closed with }',
  CloseBracketExpected: 'a list opened with [ is not closed with ]',
  EndOfFileExpected:
    'there is more text after the end of the file: everything must be inside the outer { }',
  InvalidSymbol: 'this is not valid here: every text must be in double quotes, "like this"',
  UnexpectedEndOfString: 'a text is not closed: add the closing double quote (")',
  InvalidEscapeCharacter:
    'a backslash (\\) must be followed by ", \\, n or u: to write a backslash itself, write two',
  InvalidCharacter: 'a line break or tab inside a text is not allowed: write \\n for a new line',
  InvalidUnicode: 'a \\u must be followed by four hexadecimal digits',
  InvalidNumberFormat: 'this number is not written correctly',
  InvalidCommentToken: 'comments are not allowed in JSON files',
  UnexpectedEndOfComment: 'comments are not allowed in JSON files',
  UnexpectedEndOfNumber: 'this number is not written correctly',
}

/** Line and column (from 1) of an offset into the text. */
function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1)
  return (offset) => {
    let line = 0
    while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= offset) line++
    return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 }
  }
}

/** Files saved in another encoding than UTF-8, found in the text as read (as UTF-8). */
function encodingProblem(text: string): { index: number; message: string } | undefined {
  // UTF-16 read as UTF-8 has a zero byte in every other place.
  if (text.includes('\u0000'))
    return {
      index: 0,
      message:
        'the file is saved as UTF-16: save it as UTF-8 (in the editor: "Save with encoding", UTF-8)',
    }
  const invalid = text.indexOf('\uFFFD')
  if (invalid >= 0)
    return {
      index: invalid,
      message:
        'the file is not saved as UTF-8 (æ, ø and å come out as �): save it as UTF-8 (in the editor: "Save with encoding", UTF-8)',
    }
  return undefined
}

/** The syntax error in words, for the slips staff make most. */
function syntaxMessage(error: ParseError, text: string): string {
  const name = printParseErrorCode(error.error)
  const lineStart = text.lastIndexOf('\n', error.offset) + 1
  const lineEnd = text.indexOf('\n', error.offset)
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
  // Unclosed on its line and closed on the next: Enter split the text.
  const [restOfLine = '', nextLine = ''] = text.slice(error.offset + 1).split('\n')
  if (name === 'UnexpectedEndOfString' && !restOfLine.includes('"') && nextLine.includes('"')) {
    return 'this text goes on to the next line: Enter was pressed inside a text. Join the lines, or write \\n where a new line should be'
  }
  // A key and its text have four double quotes; more, and a quote inside the text ended it early.
  const quotes = line.replace(/\\./g, '').split('"').length - 1
  if ((name === 'InvalidSymbol' || name === 'CommaExpected') && quotes > 4) {
    return 'a double quote (") inside a text ends the text early: write \\" for a double quote inside a text, or use « »'
  }
  return explanations[name] ?? name
}

/** Keys written twice in one group: JSON keeps the last, silently. */
function duplicateKey(tree: Node): Node | undefined {
  if (tree.type === 'object') {
    const seen = new Set<string>()
    for (const property of tree.children ?? []) {
      const key = property.children?.[0]
      if (key && seen.has(String(key.value))) return key
      if (key) seen.add(String(key.value))
    }
  }
  for (const child of tree.children ?? []) {
    const found = duplicateKey(child)
    if (found) return found
  }
  return undefined
}

/** Parses a file as read; a missing, unreadable or invalid file is a finding instead. */
export function parseJsonDocument(source: SourceFile): JsonDocument | Finding {
  const { file, text } = source
  if (text === undefined) {
    const message =
      source.unreadable === 'ENOENT'
        ? 'the file is missing'
        : `the file cannot be read (${source.unreadable})`
    return { file, line: 1, column: 1, level: 'error', message }
  }
  const position = positionsIn(text)
  const problem = (offset: number, message: string): Finding => ({
    file,
    ...position(offset),
    level: 'error',
    message,
  })
  const encoding = encodingProblem(text)
  if (encoding) return problem(encoding.index, encoding.message)
  if (text.trim() === '') {
    return problem(
      0,
      'the file is empty: it must hold its texts in { }. If it was emptied by mistake, get it back with git checkout -- <file>',
    )
  }
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true })
  const first = errors[0]
  if (first || !tree) {
    const message = first ? syntaxMessage(first, text) : explanations.ValueExpected
    return problem(first?.offset ?? 0, `JSON syntax: ${message}`)
  }
  const twice = duplicateKey(tree)
  if (twice) {
    return problem(
      twice.offset,
      `"${twice.value}" is written twice in the same group: only the last would count. Keep one of them`,
    )
  }
  return documentOf(file, text, tree, position)
}

/** A parsed file that can say where each of its values is. */
function documentOf(
  file: string,
  text: string,
  tree: Node,
  position: (offset: number) => { line: number; column: number },
): JsonDocument {
  const nodeAt = (path: JSONPath): Node => {
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(tree, path.slice(0, length))
      if (node) return node
    }
    return tree
  }
  const keyOf = (node: Node): Node =>
    node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node
  return {
    file,
    value: JSON.parse(text),
    has: (path) => findNodeAtLocation(tree, path) !== undefined,
    at: (path) => position(keyOf(nodeAt(path)).offset),
    atCharacter: (path, index) => {
      const node = nodeAt(path)
      if (node.type !== 'string') return position(keyOf(node).offset)
      // Walk the raw text after the opening quote; an escape is several characters in the file.
      let raw = node.offset + 1
      for (let decoded = 0; decoded < index && raw < node.offset + node.length - 1; decoded++) {
        if (text[raw] === '\\') raw += text[raw + 1] === 'u' ? 6 : 2
        else raw += 1
      }
      return position(raw)
    },
  }
}

export function isFinding(value: JsonDocument | Finding): value is Finding {
  return 'level' in value
}
