"""Recompute two network figures from the API's exports and check them against the API.

    API_URL=http://localhost:4000 API_KEY=ca_... python3 network_figures.py

It pages the GraphQL member list (keyset cursors: `first` + `after: endCursor`), reads the inventories and emissions
exports in the Arrow IPC stream format (gzip-compressed on the wire), recomputes `allianceProgress` (emissions and
reporting members per year, members per Charter status; members that LEFT do not count) and `emissionTotals`
grouped by country and year, and compares them with what the API answers. Exit status 1 when a figure disagrees.
Needs pandas; pyarrow when installed, else the bundled reader (arrow_stream.py).
"""

import gzip
import io
import json
import math
import os
import sys
import urllib.request

import pandas as pd

API = os.environ.get("API_URL", "http://localhost:4000").rstrip("/")
KEY = os.environ["API_KEY"]  # an ANALYST (or ADMIN) key: exports are for analysts

# The Member Charter: -95 % by 2050 against 1990 (src/modules/targets/charter-progress.ts)
BASE_YEAR, TARGET_YEAR, REDUCTION, SLIGHTLY_OFF_FACTOR = 1990, 2050, 0.95, 1.1
RELATIVE_TOLERANCE = 1e-9  # sums of doubles in another order


def http(path, body=None):
    request = urllib.request.Request(
        f"{API}{path}",
        data=None if body is None else json.dumps(body).encode(),
        headers={
            "Authorization": f"Bearer {KEY}",
            "Accept-Encoding": "gzip",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request) as response:
        data = response.read()
        return gzip.decompress(data) if response.headers.get("Content-Encoding") == "gzip" else data


def graphql(query, **variables):
    answer = json.loads(http("/graphql", {"query": query, "variables": variables}))
    if answer.get("errors"):
        sys.exit(f"GraphQL errors: {answer['errors']}")
    return answer["data"]


def all_members():
    """Every member, 100 a page, following the connection's cursor until hasNextPage is false."""
    query = """query Members($first: Int, $after: String) {
      members(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name status } }
    }"""
    members, after = [], None
    while True:
        page = graphql(query, first=100, after=after)["members"]
        members += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return pd.DataFrame(members)
        after = page["pageInfo"]["endCursor"]


def read_arrow(path):
    data = http(path)
    try:
        import pyarrow.ipc

        return pyarrow.ipc.open_stream(io.BytesIO(data)).read_pandas()
    except ImportError:
        from arrow_stream import read_arrow_stream

        return read_arrow_stream(data)


def charter_status(inventories):
    """One member's Charter status from its inventories, as charter-progress.ts and charter-inputs.sql.ts decide."""
    years = inventories.year
    if (years == BASE_YEAR).any():
        baseline_year = BASE_YEAR
    elif inventories.is_baseline.any():
        baseline_year = years[inventories.is_baseline.astype(bool)].min()
    else:
        baseline_year = years.min()
    latest_year = years.max()
    if latest_year <= baseline_year:
        return "NO_DATA"
    preferred = inventories[inventories.is_preferred.astype(bool)].set_index("year").total_emissions_tco2e
    baseline, latest = preferred[baseline_year], preferred[latest_year]
    path = baseline * (1 - (REDUCTION * (latest_year - baseline_year)) / (TARGET_YEAR - baseline_year))
    if latest <= path:
        return "ON_TRACK"
    return "SLIGHTLY_OFF" if latest <= path * SLIGHTLY_OFF_FACTOR else "OFF_TRACK"


def same(a, b):
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


def check_alliance_progress(members, inventories):
    counted = members[members.status != "LEFT"]
    current = inventories[inventories.member_id.isin(counted.id)]
    preferred = current[current.is_preferred.astype(bool)]
    per_year = preferred.groupby("year").agg(
        emissions=("total_emissions_tco2e", "sum"), reporting=("member_id", "nunique")
    )
    statuses = current.groupby("member_id").apply(charter_status).value_counts()
    no_data = len(counted) - current.member_id.nunique() + statuses.get("NO_DATA", 0)

    api = graphql("""{ allianceProgress {
      years { year emissionsTco2e reportingMembers }
      memberCount onTrackCount slightlyOffCount offTrackCount noDataCount } }""")["allianceProgress"]
    problems = []
    api_years = {row["year"]: row for row in api["years"]}
    if sorted(api_years) != sorted(int(year) for year in per_year.index):
        problems.append(f"years differ: API {sorted(api_years)}, export {list(per_year.index)}")
    for year, row in per_year.iterrows():
        expected = api_years.get(int(year))
        if expected and not (
            same(row.emissions, expected["emissionsTco2e"]) and row.reporting == expected["reportingMembers"]
        ):
            problems.append(f"{year}: export {row.emissions} t by {row.reporting}, API {expected}")
    recomputed = {
        "memberCount": len(counted),
        "onTrackCount": statuses.get("ON_TRACK", 0),
        "slightlyOffCount": statuses.get("SLIGHTLY_OFF", 0),
        "offTrackCount": statuses.get("OFF_TRACK", 0),
        "noDataCount": no_data,
    }
    for name, value in recomputed.items():
        if int(value) != api[name]:
            problems.append(f"{name}: export {value}, API {api[name]}")
    print(f"allianceProgress: {len(per_year)} years, {len(counted)} members (of {len(members)}; LEFT left out)")
    return problems


def check_emission_totals(emissions):
    preferred = emissions[emissions.is_preferred.astype(bool)]
    groups = preferred.groupby(["country_code", "year"]).agg(
        emissions=("emissions_tco2e", "sum"), members=("member_id", "nunique")
    )
    api = graphql("""{ emissionTotals(groupBy: [COUNTRY, YEAR]) { countryCode year emissionsTco2e memberCount } }""")
    totals = {(row["countryCode"], row["year"]): row for row in api["emissionTotals"]}
    problems = []
    if len(totals) != len(groups):
        problems.append(f"emissionTotals: {len(totals)} groups from the API, {len(groups)} from the export")
    for (country, year), row in groups.iterrows():
        expected = totals.get((country, int(year)))
        if not expected or not (same(row.emissions, expected["emissionsTco2e"]) and row.members == expected["memberCount"]):
            problems.append(f"{country} {year}: export {row.emissions} t by {row.members}, API {expected}")
    print(f"emissionTotals(groupBy: [COUNTRY, YEAR]): {len(groups)} groups")
    return problems


def main():
    members = all_members()
    inventories = read_arrow("/export/inventories.arrow")
    emissions = read_arrow("/export/emissions.arrow")
    problems = check_alliance_progress(members, inventories) + check_emission_totals(emissions)
    for problem in problems:
        print("MISMATCH", problem)
    print("agree with the API" if not problems else f"{len(problems)} figures disagree")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
