import './dashboard.css';
import { DASHBOARD_QUERY, type DashboardData } from './dashboard-query';
import { requestGraphql, type DashboardSettings } from './graphql-client';
import { memberCard } from './member-card';

/** Members shown; the API's limits allow this many with every nested list in one request. */
const MEMBERS_SHOWN = 20;

const form = document.querySelector<HTMLFormElement>('#settings')!;
const output = document.querySelector<HTMLElement>('#dashboard')!;
const summary = document.querySelector<HTMLElement>('#summary')!;

// the API URL and the country may come in the address (#api=…&country=…); the key is typed in and never kept
const fromAddress = new URLSearchParams(location.hash.slice(1));
for (const name of ['api', 'country']) {
  const value = fromAddress.get(name);
  if (value) (form.elements.namedItem(name) as HTMLInputElement).value = value;
}

async function show(settings: DashboardSettings): Promise<void> {
  document.body.dataset.state = 'loading';
  summary.textContent = 'Loading…';
  output.replaceChildren();
  try {
    const data = await requestGraphql<DashboardData>(settings, DASHBOARD_QUERY, {
      country: settings.country,
      first: MEMBERS_SHOWN,
    });
    const { totalCount, nodes } = data.members;
    summary.textContent = `${data.country?.name ?? settings.country}: ${nodes.length} of ${totalCount} active members`;
    output.replaceChildren(...nodes.map(memberCard));
    document.body.dataset.state = 'ready';
  } catch (error) {
    summary.textContent = error instanceof Error ? error.message : String(error);
    document.body.dataset.state = 'error';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  void show({ apiUrl: field('api'), apiKey: field('key'), country: field('country').toUpperCase() });
});
