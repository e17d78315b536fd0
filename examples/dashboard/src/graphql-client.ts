export interface DashboardSettings {
  /** The API's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  apiUrl: string;
  /** A partner API key (`createApiKey(input: { role: PARTNER })`). */
  apiKey: string;
  /** ISO 3166-1 alpha-2 code of the country, e.g. DE. */
  country: string;
}

/** POSTs one GraphQL operation with the partner key; throws with the API's own messages when it answers errors. */
export async function requestGraphql<T>(
  settings: DashboardSettings,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(settings.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!response.ok || !body.data) throw new Error(`The API answered HTTP ${response.status}`);
  return body.data;
}
