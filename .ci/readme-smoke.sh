#!/usr/bin/env bash
# Starts the local cloud as the README says, runs the README's curl examples against the
# endpoints and key it prints, checks the answers, then stops it and checks nothing is left.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
# Job control gives npm start its own process group, so the interrupt below reaches the whole
# tree the way Ctrl-C in a terminal does (a plain background job would ignore SIGINT).
set -m
npm start -- --ephemeral >"$log" 2>&1 &
pid=$!
set +m
cleanup() { kill -INT -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  grep -q 'lsk_' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "npm start exited early"; exit 1; }
  sleep 0.5
done
grep -q 'lsk_' "$log" || { cat "$log"; echo "npm start printed no API key"; exit 1; }
cat "$log"

export LEADSTACK_URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1)
export LEADSTACK_KEY=$(grep -o 'lsk_[A-Za-z0-9_-]*' "$log" | head -1)
H=(-H "Authorization: Bearer $LEADSTACK_KEY" -H 'Content-Type: application/json')
# Each passing check adds a line to $passed; a failing one stops the script (set -e, pipefail).
passed=$(mktemp)
check() { node -e "const b=JSON.parse(require('fs').readFileSync(0,'utf8')); if(!($1)){console.error('check failed: $1', JSON.stringify(b)); process.exit(1)}" && echo "$1" >> "$passed"; }

curl -sf "$LEADSTACK_URL/v1/health" | check 'b.success && b.status==="ok"'

curl -s -X POST "$LEADSTACK_URL/v1/companies/batch-upsert" "${H[@]}" \
  -d '[{"name":"Acme Corporation","linkedin_url":"https://linkedin.com/company/acme-corp","employees_count":500,"industries":"Technology, Software","country":"United States"},
       {"name":"Globex","linkedin_url":"https://linkedin.com/company/globex","employees_count":1200,"industries":["Manufacturing"],"country":"United States"},
       {"name":"Initech","linkedin_url":"https://linkedin.com/company/initech","employees_count":80,"industries":["Software"],"country":"Germany"}]' \
  | check 'b.success && b.created===3 && b.company_uuids.length===3'

search='{"where":{"keyword_match":{"must":{"country":["united states","germany"]}},"range_query":{"must":{"employees_count":{"gte":50}}}},"order_by":[{"order_by":"employees_count","order_direction":"desc"}],"select_columns":["name","employees_count"],"limit":2}'
for _ in $(seq 1 60); do
  n=$(curl -s -X POST "$LEADSTACK_URL/v1/companies/count" "${H[@]}" -d '{}' | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).count)')
  [ "$n" = "3" ] && break
  sleep 0.5
done
page1=$(curl -s -X POST "$LEADSTACK_URL/v1/companies/search" "${H[@]}" -d "$search")
echo "$page1" | check 'b.data.length===2 && b.data[0].name==="Globex" && b.data[1].name==="Acme Corporation" && b.next_cursor.length===2'
cursor=$(echo "$page1" | node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(0,"utf8")).next_cursor))')
curl -s -X POST "$LEADSTACK_URL/v1/companies/search" "${H[@]}" \
  -d "{\"order_by\":[{\"order_by\":\"employees_count\",\"order_direction\":\"desc\"}],\"limit\":2,\"cursor\":$cursor}" \
  | check 'b.data.length===1 && b.data[0].name==="Initech" && b.next_cursor===null'

curl -s -X POST "$LEADSTACK_URL/v1/companies/count" "${H[@]}" -d '{"where":{"keyword_match":{"must":{"country":"united states"}}}}' \
  | check 'b.count===2'
curl -s -X POST "$LEADSTACK_URL/v1/records/batch-upsert" "${H[@]}" \
  -d '{"data":[{"company":"Acme Corporation","company_linkedin_url":"https://linkedin.com/company/acme-corp","first_name":"John","last_name":"Doe","email":"john.doe@acme.com","title":"CTO","departments":"Engineering, Product","person_linkedin_url":"https://linkedin.com/in/johndoe"}]}' \
  | check 'b.success && b.contact_uuids.length===1 && b.updated===1 && b.created===1'
curl -s -o /dev/null -w '%{http_code}' -X POST "$LEADSTACK_URL/v1/companies/count" -d '{}' | grep -q 401 && echo 'no key: 401' >> "$passed"

# GET filters and statistics (README "Searching").
curl -s "$LEADSTACK_URL/v1/companies?country=united%20states&employee_range=51-2000&search=Acme,Globex&page_size=10" "${H[@]}" \
  | check 'b.count===2 && b.results.map(r=>r.name).sort().join()==="Acme Corporation,Globex"'
curl -s "$LEADSTACK_URL/v1/dashboard/stats" "${H[@]}" | check 'b.stats.total_companies===3'

# Website enrichment against the fake web (README "Website enrichment"): the one-site lookup, then the job.
curl -s "$LEADSTACK_URL/v1/enrichment/website?domain=sable-foods.test" "${H[@]}" \
  | check 'b.success && b.website.domain==="sable-foods.test" && b.website.emails.length>0'
job=$(curl -s -X POST "$LEADSTACK_URL/v1/jobs" "${H[@]}" \
  -d '{"job_type":"enrich_websites","job_data":{"domains":["pinnacle-partners.test","meridian-robotics.test","https://www.example.org"],"options":{"pages_per_site":5,"browser":"auto"}}}')
job_id=$(echo "$job" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).job.id)')
for _ in $(seq 1 120); do
  status=$(curl -s "$LEADSTACK_URL/v1/jobs/$job_id" "${H[@]}" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).job.status)')
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 1
done
curl -s "$LEADSTACK_URL/v1/jobs/$job_id" "${H[@]}" \
  | check 'b.job.status==="completed" && b.job.result.sites_total===3 && b.job.result.sites_done>=2 && b.job.result.browser_pages>=1'

# Lookups against the fake RocketReach (README "Lookups (RocketReach)"): a person, then the same one from the cache.
lookup="$LEADSTACK_URL/v1/lookups/person?name=Samuel%20Sato&current_employer=Vector%20Software%20Group"
curl -s "$lookup" "${H[@]}" | check 'b.status==="complete" && b.cached===false && b.credits===1'
curl -s "$lookup" "${H[@]}" | check 'b.status==="complete" && b.cached===true && b.credits===0'

# An Apollo collection against the fake Apollo (README "Apollo collection"): the key, a task, what it collected.
curl -s -X PUT "$LEADSTACK_URL/v1/collections/apollo/api-key" "${H[@]}" -d '{"api_key":"fake-apollo-api-key-0123456789"}' | check 'b.success'
task=$(curl -s -X POST "$LEADSTACK_URL/v1/collections/apollo" "${H[@]}" \
  -d '{"task_name":"Colorado software","include_people":false,"max_organizations":10,"apollo_url":"http://127.0.0.1:4009/#/companies?organizationIndustryTagIds[]=bdff95e2ef0773b34c1c754c&organizationLocations[]=Colorado"}')
echo "$task" | check 'b.success && typeof b.task_id==="string" && b.search_summary.length>0'
task_id=$(echo "$task" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).task_id)')
for _ in $(seq 1 180); do
  status=$(curl -s "$LEADSTACK_URL/v1/jobs/$task_id" "${H[@]}" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).job.status)')
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 1
done
curl -s "$LEADSTACK_URL/v1/jobs/$task_id" "${H[@]}" | check 'b.job.status==="completed" && b.job.result.organizations_saved===10'
for _ in $(seq 1 30); do
  n=$(curl -s -X POST "$LEADSTACK_URL/v1/collections/records" "${H[@]}" -d "{\"task_ids\":[\"$task_id\"],\"data_type\":\"organizations\",\"page\":1,\"page_size\":25}" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).count)')
  [ "$n" = "10" ] && break
  sleep 1
done
[ "$n" = "10" ] || { echo "task mapping answered $n organisations, not 10"; exit 1; }
echo 'task mapping: 10 organisations' >> "$passed"

# Onboarding research on a SaaS site of the fake web (README "Onboarding research").
research=$(curl -s -X POST "$LEADSTACK_URL/v1/research/onboard" "${H[@]}" -d '{"company_name":"Pipelinely","website":"pipelinely.test","deep_research":false}')
research_id=$(echo "$research" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).job_id)')
for _ in $(seq 1 180); do
  status=$(curl -s "$LEADSTACK_URL/v1/research/$research_id" "${H[@]}" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).status)')
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 1
done
curl -s "$LEADSTACK_URL/v1/research/$research_id/result" "${H[@]}" | check 'b.success && b.status==="completed" && b.customers_discovered>0 && b.pricing_tiers_found>0'

# Signals from the fake EDGAR (README "Signals from SEC 8-K filings"): a monitoring job over two registrants.
monitor=$(curl -s -X POST "$LEADSTACK_URL/v1/signals/monitor" "${H[@]}" \
  -d '{"companies":[{"ticker":"DRIF"},{"name":"Kestrel Point Industries Holdings, Inc."}],"since":"2025-12-01","saas_client_name":"ShieldCo"}')
monitor_id=$(echo "$monitor" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).job_id)')
for _ in $(seq 1 120); do
  status=$(curl -s "$LEADSTACK_URL/v1/jobs/$monitor_id" "${H[@]}" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).job.status)')
  [ "$status" = completed ] || [ "$status" = failed ] && break
  sleep 1
done
curl -s "$LEADSTACK_URL/v1/jobs/$monitor_id" "${H[@]}" | check 'b.job.status==="completed" && b.job.result.companies_checked===2 && b.job.result.customers_without_ticker.length===0'
curl -s "$LEADSTACK_URL/v1/signals/monitor/$monitor_id" "${H[@]}" | check 'b.success && typeof b.signals_found==="number" && Array.isArray(b.signals)'

# Sign in as the printed dev admin and use the access token (README "Accounts").
admin_email=$(grep -o 'Dev admin *[^ ]*' "$log" | awk '{print $3}')
admin_password=$(grep -o 'Dev admin.*' "$log" | awk '{print $5}')
login=$(curl -s -X POST "$LEADSTACK_URL/v1/auth/login" -H 'Content-Type: application/json' -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}")
echo "$login" | check 'b.success && typeof b.access_token==="string" && typeof b.refresh_token==="string"'
jwt=$(echo "$login" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).access_token)')
curl -s "$LEADSTACK_URL/v1/auth/profile" -H "Authorization: Bearer $jwt" | check 'b.success && b.user.role==="admin"'

# The import → progress → search → export walk-through, with fetch and a WebSocket only.
export LEADSTACK_WS=$(grep -o 'ws://127\.0\.0\.1:[0-9]*' "$log" | head -1)
npm run walkthrough && echo 'walkthrough' >> "$passed"

kill -INT -- "-$pid"
wait "$pid" || true
trap - EXIT
if pgrep -f DynamoDBLocal >/dev/null; then echo "DynamoDB Local survived npm start's shutdown"; exit 1; fi
echo 'clean shutdown' >> "$passed"
echo "README examples: $(wc -l < "$passed" | tr -d ' ') passed, 0 failed"
