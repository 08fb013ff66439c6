// The catalogue's filters and sort: the page's query string (a GET form, so it works without
// JavaScript and the address can be shared) and GET /api/v1/catalogue's query parameters.
import { z } from "zod";
import { catalogueSortKeys } from "~/domain/catalogue";
import { deviceTypes } from "~/domain/devices";
import { conditionGrades } from "~/domain/lifecycle";

export const catalogueQuerySchema = z.object({
  type: z.enum(deviceTypes).optional().describe("Only devices of this type."),
  minRamGb: z.coerce.number().int().min(0).max(4096).optional().describe("At least this much RAM, in GB."),
  minStorageGb: z.coerce.number().int().min(0).max(1_000_000).optional().describe("At least this much storage, in GB."),
  minScreenInches: z.coerce.number().min(0).max(120).optional().describe("A screen of at least this many inches."),
  keyboardLayout: z.string().trim().min(1).max(40).optional().describe('This keyboard layout, e.g. "AZERTY-BE" (case does not matter).'),
  grade: z.enum(conditionGrades).optional().describe("This condition grade: A (as new), B (light signs of use), C (clear signs of use), parts."),
  sort: z.enum(catalogueSortKeys).optional().describe("newest (default): most recently listed first; specs: most RAM, then storage, then screen first."),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/**
 * The page's reading of its address: a value the schema refuses is dropped (the page shows the
 * catalogue without that filter), where the API answers 422.
 */
export function lenientCatalogueQuery(search: URLSearchParams): CatalogueQuery {
  const query: Record<string, unknown> = {};
  for (const field of catalogueQuerySchema.keyof().options) {
    const value = search.get(field);
    if (value === null || value.trim() === "") continue;
    const parsed = catalogueQuerySchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) query[field] = parsed.data;
  }
  return catalogueQuerySchema.parse(query);
}
