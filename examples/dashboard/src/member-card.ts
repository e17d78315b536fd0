import type { DashboardMember, TrajectoryStatus } from './dashboard-query';
import { trajectoryChart } from './trajectory-chart';

const STATUS_LABEL: Record<TrajectoryStatus, string> = {
  ON_TRACK: 'On track',
  SLIGHTLY_OFF: 'Slightly off track',
  OFF_TRACK: 'Off track',
  NO_DATA: 'No data',
};

function html<K extends keyof HTMLElementTagNameMap>(name: K, className: string, text?: string) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An enum value for people: FULL_TROPICAL_ABSTENTION → "Full tropical abstention", certification schemes kept. */
const humanise = (value: string) =>
  (value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ')).replace(/\b(fsc|pefc)\b/g, (scheme) =>
    scheme.toUpperCase(),
  );

function progressLine(member: DashboardMember): string {
  const { baselineYear, latestYear, reductionPercent, latestEmissionsTco2e, charterPathTco2e } = member.progress;
  if (latestYear === null || latestEmissionsTco2e === null || charterPathTco2e === null)
    return 'No progress figures yet';
  const direction = (reductionPercent ?? 0) < 0 ? 'above' : 'below';
  const reduction =
    reductionPercent === null ? '' : `${Math.abs(reductionPercent).toFixed(1)} % ${direction} ${baselineYear}, `;
  return `${reduction}${Math.round(latestEmissionsTco2e).toLocaleString('en')} t in ${latestYear} (path: ${Math.round(
    charterPathTco2e,
  ).toLocaleString('en')} t)`;
}

function timberLine(member: DashboardMember): string {
  const commitment = member.timberCommitment;
  if (!commitment) return 'No timber commitment';
  const percent = commitment.compliance.total.compliantVolumePercent;
  const compliant = percent === null ? '' : `, ${percent.toFixed(0)} % of volume compliant`;
  return `Timber: ${humanise(commitment.policyLevel)} (${humanise(commitment.status)})${compliant}`;
}

/** One member: name, status, the chart, the progress figures, the timber commitment and the partners' projects. */
export function memberCard(member: DashboardMember): HTMLElement {
  const card = html('article', 'member');
  card.dataset.memberId = member.id;
  const header = html('header', '');
  header.append(html('h2', '', member.name));
  const status = html('span', `status ${member.progress.status.toLowerCase()}`, STATUS_LABEL[member.progress.status]);
  status.dataset.status = member.progress.status;
  header.append(status);
  card.append(header, trajectoryChart(member), html('p', 'progress', progressLine(member)));
  card.append(html('p', 'timber', timberLine(member)));

  if (member.partnerships.length) {
    const list = html('ul', 'partners');
    for (const { organisation } of member.partnerships) {
      const projects = organisation.projects.nodes.map((project) => {
        const hectares =
          project.hectaresProtected === null ? '' : `, ${project.hectaresProtected.toLocaleString('en')} ha`;
        return `${project.title} (${humanise(project.status)}${hectares})`;
      });
      list.append(html('li', '', `${organisation.acronym}: ${projects.join('; ') || 'no projects listed'}`));
    }
    card.append(html('h3', '', 'Indigenous partners and their projects'), list);
  }
  return card;
}
