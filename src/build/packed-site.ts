import type { Encoding, PreparedResponse, Representation } from '../prepare/prepared-response.js'
import {
  type ResponseTable,
  responseTable,
  type TableEntry,
  type TableParts,
} from '../prepare/response-table.js'
import type { ServedSite } from './served-site.js'

/** A served site as it crosses from the thread that built it: plain data, bodies as bytes. */
export interface PackedSite extends Omit<ServedSite, 'responses'> {
  readonly table: TableParts
}

/** Field by field: a full build also holds its content model and renderer, which stay here. */
export function packSite(site: ServedSite): PackedSite {
  const { categories, version, cookieDomain } = site.consent.policy
  return {
    table: site.responses.parts,
    securityHeaders: site.securityHeaders,
    warnings: site.warnings,
    draftErrors: site.draftErrors,
    // The rules alone: the scripts each answer loads are already in its pages.
    consent: {
      policy: { categories, version, ...(cookieDomain ? { cookieDomain } : {}) },
      secret: site.consent.secret,
    },
    acceptLanguage: site.acceptLanguage,
    notice: site.notice,
    nextChangeAt: site.nextChangeAt,
    ...(site.errorDetailsPages ? { errorDetailsPages: site.errorDetailsPages } : {}),
    ...(site.requests ? { requests: site.requests } : {}),
  }
}

export function unpackSite(packed: PackedSite): ServedSite {
  const { table, ...rest } = packed
  return { ...rest, responses: revivedTable(table) }
}

// A body arrives as a Uint8Array: a Buffer over the same bytes again, without copying them.
const revivedBody = (representation: Representation): Representation => ({
  ...representation,
  body: Buffer.from(
    representation.body.buffer,
    representation.body.byteOffset,
    representation.body.byteLength,
  ),
})

function revived(response: PreparedResponse): PreparedResponse {
  const representations = Object.fromEntries(
    Object.entries(response.representations).map(([encoding, representation]) => [
      encoding,
      revivedBody(representation),
    ]),
  ) as Record<Encoding, Representation>
  return { status: response.status, representations }
}

const revivedEntry = (entry: TableEntry): TableEntry => ({
  byConsent: entry.byConsent,
  response: revived(entry.response),
  variants: new Map([...entry.variants].map(([key, variant]) => [key, revived(variant)])),
})

function revivedTable(table: TableParts): ResponseTable {
  return responseTable({
    entries: new Map([...table.entries].map(([path, entry]) => [path, revivedEntry(entry)])),
    errors: new Map([...table.errors].map(([key, page]) => [key, revived(page)])),
    languages: table.languages,
  })
}
