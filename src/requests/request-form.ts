import { isEmailAddress } from '../config/mail-environment.js'
import type { NewPrivacyRequest } from '../store/create-request.js'
import { type RequestKind, requestKinds } from '../store/request-kinds.js'

/** The fields of the request form, in the order the page shows them. */
export const formFields = ['kind', 'name', 'email', 'details', 'customerReference'] as const
export type FormField = (typeof formFields)[number]

/** The hidden field only robots fill in; a visitor never sees it. */
export const trapField = 'website'

export const fieldLimits = {
  name: 100,
  email: 254,
  details: 5000,
  customerReference: 100,
} as const

/** What went wrong with a field: the key of its message under `request:errors.{field}`. */
export type FieldProblem = 'missing' | 'invalid' | 'tooLong'

export interface FormErrors {
  readonly [field: string]: { readonly problem: FieldProblem; readonly count?: number } | undefined
}

/** The form as the visitor filled it in: every field a text, kept to show it again. */
export type FormValues = Readonly<Record<FormField, string>>

export const emptyForm: FormValues = {
  kind: '',
  name: '',
  email: '',
  details: '',
  customerReference: '',
}

export type FormOutcome =
  | {
      readonly outcome: 'valid'
      readonly request: Omit<NewPrivacyRequest, 'language'>
      /** As given, to show again when the request cannot be taken now. */
      readonly values: FormValues
    }
  | { readonly outcome: 'invalid'; readonly values: FormValues; readonly errors: FormErrors }
  /** Not our form: unknown fields, a field twice, or the trap filled in. */
  | { readonly outcome: 'refused' }

/** Characters counted as the visitor sees them: an emoji is one, as in the browser's maxlength. */
const lengthOf = (text: string) => [...text].length

/** Line endings as one `\n`, no control characters but tab and newline, no spaces around. */
function cleaned(value: string, multiline: boolean): string {
  const lines = value.replace(/\r\n?/g, '\n')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it drops
  const controls = multiline ? /[\u0000-\u0008\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g
  return lines.replace(controls, multiline ? '' : ' ').trim()
}

function checkText(
  errors: Record<string, FormErrors[string]>,
  field: Exclude<FormField, 'kind'>,
  value: string,
  required: boolean,
): void {
  const count = lengthOf(value)
  if (required && count === 0) errors[field] = { problem: 'missing' }
  else if (count > fieldLimits[field]) errors[field] = { problem: 'tooLong', count }
}

/**
 * The request a form body asks for, or what is wrong with each field. A body with a field the form
 * does not have, a field given twice or the trap filled in is refused as a whole.
 */
export function readRequestForm(body: Record<string, unknown>): FormOutcome {
  const allowed = new Set<string>([...formFields, trapField])
  for (const [key, value] of Object.entries(body)) {
    if (!allowed.has(key) || typeof value !== 'string') return { outcome: 'refused' }
  }
  if (typeof body[trapField] === 'string' && body[trapField] !== '') return { outcome: 'refused' }
  const text = (field: FormField) => (typeof body[field] === 'string' ? body[field] : '')
  const values: FormValues = {
    kind: text('kind'),
    name: cleaned(text('name'), false),
    email: cleaned(text('email'), false),
    details: cleaned(text('details'), true),
    customerReference: cleaned(text('customerReference'), false),
  }
  const errors: Record<string, FormErrors[string]> = {}
  const kind = requestKinds.find((known) => known === values.kind)
  // A kind the form does not offer was not chosen on the form.
  if (!kind && values.kind !== '') return { outcome: 'refused' }
  if (!kind) errors.kind = { problem: 'missing' }
  checkText(errors, 'name', values.name, true)
  checkText(errors, 'email', values.email, true)
  if (!errors.email && !isEmailAddress(values.email)) errors.email = { problem: 'invalid' }
  checkText(errors, 'details', values.details, false)
  checkText(errors, 'customerReference', values.customerReference, false)
  if (Object.keys(errors).length > 0 || !kind) return { outcome: 'invalid', values, errors }
  return {
    outcome: 'valid',
    values,
    request: {
      kind: kind as RequestKind,
      name: values.name,
      email: values.email,
      details: values.details,
      customerReference: values.customerReference === '' ? null : values.customerReference,
    },
  }
}
