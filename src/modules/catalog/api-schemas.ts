import { Type } from 'typebox';

// Schemas of the catalogue's JSON API; they validate requests, shape responses and feed the OpenAPI document.
export const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Keywords; diacritics and case are ignored, typos tolerated.' })),
  agency: Type.Optional(Type.String({ maxLength: 35, description: 'Executing agency code (facet).' })),
  field: Type.Optional(Type.String({ maxLength: 20, description: 'Sector code (facet).' })),
  onlineLevel: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('partial')], { description: 'Online service level (facet).' })),
  applicant: Type.Optional(Type.Union([Type.Literal('citizen'), Type.Literal('business'), Type.Literal('organisation')], { description: 'Applicant type (facet).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1, description: 'Page number, from 1.' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items per page (max 100).' })),
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Language of names and messages.' })),
}, { additionalProperties: false });

const FacetValue = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  field: Type.Object({ code: Type.String(), name: Type.String() }),
  level: Type.String(),
  onlineLevel: Type.String(),
  applicantTypes: Type.Array(Type.String()),
});

export const SearchResponse = Type.Object({
  items: Type.Array(ProcedureSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  query: Type.String(),
  facets: Type.Object({ agency: Type.Array(FacetValue), field: Type.Array(FacetValue), onlineLevel: Type.Array(FacetValue), applicant: Type.Array(FacetValue) }),
});

export const ProcedureParams = Type.Object({ code: Type.String({ maxLength: 60, description: 'National procedure code, e.g. 1.004194.' }) });

export const Problem = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(),
  detail: Type.Optional(Type.String()), instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
}, { description: 'RFC 9457 problem document' });

export const Agency = Type.Object({
  code: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]), shortName: Type.String(), kind: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]), address: Type.String(), phone: Type.String(), email: Type.String(),
  validFrom: Type.String(), validTo: Type.Union([Type.String(), Type.Null()]),
});
