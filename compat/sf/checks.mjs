// The Salesforce CLI (sf), unmodified, against a running kinetic local org. Reads the org's credentials from the
// environment (the lines of its local-org.env), runs sf commands with --json, and checks what each left in the org
// through the org's own REST API (its own token, not sf's). Prints one line per check, then "N passed, M failed".
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { check, env, expect, finish } from '../lib/checks.mjs';

const loginUrl = env('SF_LOGIN_URL');
// More than one Bulk query result page: the org's pages hold 50,000 rows when the client sends no maxRecords, as sf.
const ROWS = Number(process.env.KINETIC_SF_ROWS || 60000);
const PAGE = 50000;

// Runs sf; answers its exit code and output. Asynchronously: a blocked event loop would keep idle connections to the
// org in fetch's pool after the org has closed them, and the next request would fail with "other side closed".
function run(args, extraEnv = {}) {
  return new Promise((resolve) => {
    execFile('sf', args, { encoding: 'utf8', env: { ...process.env, ...extraEnv }, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

// Runs `sf … --json`; answers its exit code and parsed output.
async function sf(args, extraEnv = {}) {
  const r = await run([...args, '--json'], extraEnv);
  try {
    return { code: r.code, json: JSON.parse(r.stdout) };
  } catch {
    throw new Error(`sf ${args.join(' ')} exited ${r.code} without JSON: ${r.stdout.slice(0, 800)} ${r.stderr.slice(0, 800)}`);
  }
}

async function sfOk(args, extraEnv) {
  const r = await sf(args, extraEnv);
  if (r.code !== 0) throw new Error(`sf ${args.slice(0, 3).join(' ')} exited ${r.code}: ${JSON.stringify(r.json).slice(0, 1200)}`);
  return r.json.result;
}

// RFC 4180 CSV as sf writes it (quoted fields, doubled quotes); answers rows as objects keyed by the header.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// The org's own view, through its REST API with a token of our own.
const token = await (async () => {
  const res = await fetch(`${loginUrl}/services/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password', client_id: env('SF_CLIENT_ID'), client_secret: env('SF_CLIENT_SECRET'),
      username: env('SF_USERNAME'), password: env('SF_PASSWORD') + env('SF_SECURITY_TOKEN'),
    }),
  });
  if (res.status !== 200) throw new Error(`password login to the org: ${res.status} ${await res.text()}`);
  return res.json();
})();
const orgId = token.id.split('/').at(-2);

async function rest(method, path, body) {
  const res = await fetch(`${loginUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function orgQuery(soql, resource = 'query') {
  let page = await rest('GET', `/services/data/v62.0/${resource}?q=${encodeURIComponent(soql)}`);
  const records = [...page.records];
  while (!page.done) {
    page = await rest('GET', page.nextRecordsUrl);
    records.push(...page.records);
  }
  return records;
}

async function control(method, path, body) {
  const res = await fetch(`${loginUrl}/__emulator/${path}`, {
    method, headers: { 'X-Kinetic-Control-Secret': env('KINETIC_CONTROL_SECRET') }, body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
}

// What the org should hold, kept alongside: key -> { name, employees, phone }.
const model = new Map();
const ids = new Map();
const liveModel = async () => {
  const records = await orgQuery("SELECT Id, Name, External_Key__c FROM Account WHERE External_Key__c LIKE 'SF-%'");
  return new Map(records.map((r) => [r.External_Key__c, r]));
};

await check('org login jwt (the assertion as sf signs it)', async () => {
  const result = await sfOk(['org', 'login', 'jwt', '--client-id', env('SF_CLIENT_ID'), '--jwt-key-file',
    env('SF_PRIVATE_KEY_PATH'), '--username', env('SF_USERNAME'), '--instance-url', loginUrl, '--alias', 'jwt']);
  expect(result.orgId, orgId, 'orgId');
  expect(result.username, env('SF_USERNAME'), 'username');
  expect(result.instanceUrl, loginUrl, 'instanceUrl');
  expect(result.instanceApiVersion, '66.0', 'instanceApiVersion (from GET /services/data)');
  const display = await sfOk(['org', 'display', '--target-org', 'jwt']);
  expect(display.connectedStatus, 'Connected', 'org display connectedStatus');
  const users = await sfOk(['data', 'query', '--query', 'SELECT Username FROM User', '--target-org', 'jwt']);
  expect(users.records.map((r) => r.Username), [env('SF_USERNAME')], 'users through the JWT login');
});

await check('org login access-token with an instance URL ending in /', async () => {
  const result = await sfOk(['org', 'login', 'access-token', '--instance-url', `${loginUrl}/`, '--no-prompt',
    '--alias', 'tok'], { SF_ACCESS_TOKEN: token.access_token });
  expect(result.orgId, orgId, 'orgId');
  expect(result.username, env('SF_USERNAME'), 'username (from the identity calls sf makes)');
  expect(result.instanceUrl, `${loginUrl}/`, 'instanceUrl as given');
  // sf now sends //services/data/… (the instance URL's slash, then its own).
  const users = await sfOk(['data', 'query', '--query', 'SELECT Username FROM User', '--target-org', 'tok']);
  expect(users.records.map((r) => r.Username), [env('SF_USERNAME')], 'users through the access token');
});

let importJob;
await check(`data import bulk of ${ROWS} rows, one failing: exit 1, and the org holds the others`, async () => {
  let csv = 'Name,External_Key__c,NumberOfEmployees\n';
  for (let i = 0; i < ROWS; i++) {
    // Row 7 has no Name (REQUIRED_FIELD_MISSING); row 11's name needs CSV quoting.
    const name = i === 7 ? '' : i === 11 ? '"Quote ""and"", comma"' : `sf ${i}`;
    csv += `${name},SF-${i},${i % 20}\n`;
    if (i !== 7) model.set(`SF-${i}`, { name: i === 11 ? 'Quote "and", comma' : `sf ${i}`, employees: i % 20 });
  }
  fs.writeFileSync('accounts.csv', csv);
  const r = await sf(['data', 'import', 'bulk', '--sobject', 'Account', '--file', 'accounts.csv', '--wait', '10',
    '--target-org', 'tok']);
  expect(r.code, 1, `exit code (${JSON.stringify(r.json).slice(0, 300)})`);
  expect(r.json.name, 'FailedRecordDetailsError', 'error name');
  expect(r.json.data.state, 'JobComplete', 'job state');
  importJob = r.json.data.jobId;
  const live = await liveModel();
  expect(live.size, ROWS - 1, 'records in the org');
  expect(live.has('SF-7'), false, 'the failed row is not in the org');
  expect(live.get('SF-11').Name, 'Quote "and", comma', 'quoted name');
  for (const [key, r2] of live) ids.set(key, r2.Id);
});

await check('data bulk results writes the success and failed records of the import', async () => {
  const result = await sfOk(['data', 'bulk', 'results', '--job-id', importJob, '--target-org', 'tok']);
  expect([result.processedRecords, result.successfulRecords, result.failedRecords], [ROWS, ROWS - 1, 1], 'counts');
  expect(result.status, 'JobComplete', 'status');
  const bad = parseCsv(fs.readFileSync(result.failedFilePath, 'utf8'));
  expect(bad.length, 1, 'failed records');
  expect(bad[0].External_Key__c, 'SF-7', 'failed row');
  expect(bad[0].sf__Error.startsWith('REQUIRED_FIELD_MISSING:Required fields are missing: [Name]'), true,
    `sf__Error ${bad[0].sf__Error}`);
  const good = parseCsv(fs.readFileSync(result.successFilePath, 'utf8'));
  expect(good.length, ROWS - 1, 'success records');
  const wrong = good.filter((r) => ids.get(r.External_Key__c) !== r.sf__Id || r.sf__Created !== 'true');
  expect(wrong.slice(0, 3), [], 'success rows whose sf__Id is not the record the org holds for the key');
});

await check('data update bulk sets the field on exactly the given records', async () => {
  const keys = ['SF-1', 'SF-2', 'SF-3', 'SF-4', 'SF-5'];
  fs.writeFileSync('update.csv', `Id,Phone\n${keys.map((k) => `${ids.get(k)},+1 555 0100`).join('\n')}\n`);
  const result = await sfOk(['data', 'update', 'bulk', '--sobject', 'Account', '--file', 'update.csv', '--wait', '10',
    '--target-org', 'tok']);
  expect([result.processedRecords, result.successfulRecords, result.failedRecords], [5, 5, 0], 'counts');
  const phoned = await orgQuery("SELECT Id FROM Account WHERE Phone = '+1 555 0100'");
  expect(phoned.map((r) => r.Id).sort(), keys.map((k) => ids.get(k)).sort(), 'records with the new phone');
});

await check('data upsert bulk on External_Key__c updates one record and creates another', async () => {
  fs.writeFileSync('upsert.csv', 'External_Key__c,Name\nSF-1,Renamed by sf upsert\nSF-NEW,Created by sf upsert\n');
  const result = await sfOk(['data', 'upsert', 'bulk', '--sobject', 'Account', '--file', 'upsert.csv', '--external-id',
    'External_Key__c', '--wait', '10', '--target-org', 'tok']);
  const byKey = Object.fromEntries(result.records.successfulResults.map((r) => [r.External_Key__c, r]));
  expect([byKey['SF-1'].sf__Created, byKey['SF-NEW'].sf__Created], ['false', 'true'], 'sf__Created');
  const rows = await orgQuery("SELECT Id, Name, External_Key__c FROM Account WHERE External_Key__c IN ('SF-1', 'SF-NEW')"
    + ' ORDER BY External_Key__c');
  expect(rows.map((r) => [r.External_Key__c, r.Name]), [['SF-1', 'Renamed by sf upsert'],
    ['SF-NEW', 'Created by sf upsert']], 'records');
  expect(rows[0].Id, ids.get('SF-1'), 'SF-1 keeps its Id');
  model.get('SF-1').name = 'Renamed by sf upsert';
  model.set('SF-NEW', { name: 'Created by sf upsert', employees: null });
  ids.set('SF-NEW', rows[1].Id);
});

await check('data delete bulk removes the records (queryAll still sees them, deleted)', async () => {
  const keys = ['SF-100', 'SF-101', 'SF-102', 'SF-103', 'SF-104'];
  const gone = keys.map((k) => ids.get(k));
  fs.writeFileSync('delete.csv', `Id\n${gone.join('\n')}\n`);
  const result = await sfOk(['data', 'delete', 'bulk', '--sobject', 'Account', '--file', 'delete.csv', '--wait', '10',
    '--target-org', 'tok']);
  expect(result.jobInfo.numberRecordsProcessed, 5, 'processed');
  expect(result.jobInfo.numberRecordsFailed, 0, 'failed');
  const inList = gone.map((id) => `'${id}'`).join(', ');
  expect((await orgQuery(`SELECT Id FROM Account WHERE Id IN (${inList})`)).length, 0, 'live records');
  const all = await orgQuery(`SELECT Id, IsDeleted FROM Account WHERE Id IN (${inList})`, 'queryAll');
  expect(all.map((r) => r.IsDeleted), [true, true, true, true, true], 'deleted records in queryAll');
  for (const k of keys) model.delete(k);
});

await check('data import bulk without --wait, then data import resume', async () => {
  await control('PUT', 'progression', { mode: 'afterPolls', polls: 3 });
  try {
    fs.writeFileSync('resume.csv', 'Name,External_Key__c\nresumed 1,SF-R1\nresumed 2,SF-R2\n');
    const started = await sfOk(['data', 'import', 'bulk', '--sobject', 'Account', '--file', 'resume.csv',
      '--target-org', 'tok']);
    const job = await rest('GET', `/services/data/v62.0/jobs/ingest/${started.jobId}`);
    expect(job.state !== 'JobComplete', true, `job ${started.jobId} still running when import returns (${job.state})`);
    const result = await sfOk(['data', 'import', 'resume', '--job-id', started.jobId, '--wait', '5']);
    expect([result.processedRecords, result.successfulRecords, result.failedRecords], [2, 2, 0], 'counts');
  } finally {
    await control('PUT', 'progression', { mode: 'immediate' });
  }
  const rows = await orgQuery("SELECT Id, Name, External_Key__c FROM Account WHERE External_Key__c IN ('SF-R1', 'SF-R2')"
    + ' ORDER BY Name');
  expect(rows.map((r) => r.Name), ['resumed 1', 'resumed 2'], 'resumed records');
  for (const r of rows) {
    model.set(r.External_Key__c, { name: r.Name, employees: null });
    ids.set(r.External_Key__c, r.Id);
  }
});

const exportQuery = "SELECT Id, Name, External_Key__c FROM Account WHERE External_Key__c LIKE 'SF-%'";
function checkExport(rows) {
  expect(rows.length, model.size, 'exported records');
  if (rows.length <= PAGE) throw new Error(`${rows.length} rows fit in one result page of ${PAGE}`);
  const seen = new Set();
  for (const r of rows) {
    const m = model.get(r.External_Key__c);
    if (!m || m.name !== r.Name || ids.get(r.External_Key__c) !== r.Id || seen.has(r.External_Key__c)) {
      throw new Error(`exported row ${JSON.stringify(r)} is not the org's record ${JSON.stringify(m)}`);
    }
    seen.add(r.External_Key__c);
  }
}

await check(`data export bulk to CSV over more than one result page (> ${PAGE} rows)`, async () => {
  const result = await sfOk(['data', 'export', 'bulk', '--query', exportQuery, '--output-file', 'export.csv',
    '--result-format', 'csv', '--wait', '10', '--target-org', 'tok']);
  expect(result.totalSize, model.size, 'totalSize');
  checkExport(parseCsv(fs.readFileSync('export.csv', 'utf8')));
});

await check(`data export bulk to JSON over more than one result page (> ${PAGE} rows)`, async () => {
  const result = await sfOk(['data', 'export', 'bulk', '--query', exportQuery, '--output-file', 'export.json',
    '--result-format', 'json', '--wait', '10', '--target-org', 'tok']);
  expect(result.totalSize, model.size, 'totalSize');
  checkExport(JSON.parse(fs.readFileSync('export.json', 'utf8')));
});

await check('data query (REST) with a relationship field, parents nested and a missing parent null', async () => {
  fs.writeFileSync('contacts.csv', 'LastName,Account.External_Key__c\nAnn,SF-1\nBob,SF-2\nCara,\n');
  const loaded = await sfOk(['data', 'import', 'bulk', '--sobject', 'Contact', '--file', 'contacts.csv', '--wait', '10',
    '--target-org', 'tok']);
  expect(loaded.successfulRecords, 3, 'contacts loaded (Account by external id)');
  const soql = 'SELECT LastName, Account.Name, Account.External_Key__c FROM Contact ORDER BY LastName';
  const result = await sfOk(['data', 'query', '--query', soql, '--target-org', 'tok']);
  expect(result.records.map((r) => [r.LastName, r.Account && r.Account.Name, r.Account && r.Account.External_Key__c]),
    [['Ann', 'Renamed by sf upsert', 'SF-1'], ['Bob', 'sf 2', 'SF-2'], ['Cara', null, null]], 'records');
  expect(result.records[0].Account.attributes.type, 'Account', 'parent attributes');
  const org = await orgQuery('SELECT LastName, AccountId FROM Contact ORDER BY LastName');
  expect(org.map((r) => r.AccountId), [ids.get('SF-1'), ids.get('SF-2'), null], 'AccountId in the org');
  // The human table: sf lays it out from the query's column metadata (…/query?q=…&columns=true).
  const table = await run(['data', 'query', '--query', soql, '--target-org', 'tok']);
  expect(table.code, 0, `table exit code (${table.stderr.slice(0, 300)})`);
  expect(/ACCOUNT\.NAME/.test(table.stdout) && /Renamed by sf upsert/.test(table.stdout), true,
    `table output:\n${table.stdout}`);
});

await check('data query (REST) over more than one page (queryMore through nextRecordsUrl)', async () => {
  const soql = "SELECT Id, External_Key__c FROM Account WHERE NumberOfEmployees = 3 AND External_Key__c LIKE 'SF-%'";
  const expected = [...model.entries()].filter(([, m]) => m.employees === 3).map(([k]) => k).sort();
  if (expected.length <= 2000) throw new Error(`only ${expected.length} records: one page`);
  const result = await sfOk(['data', 'query', '--query', soql, '--target-org', 'tok']);
  expect(result.totalSize, expected.length, 'totalSize');
  expect(result.records.map((r) => r.External_Key__c).sort(), expected, 'records');
});

await check("sobject describe Account matches the org's own describe", async () => {
  const result = await sfOk(['sobject', 'describe', '--sobject', 'Account', '--target-org', 'tok']);
  const own = await rest('GET', '/services/data/v62.0/sobjects/Account/describe');
  expect(result.name, 'Account', 'name');
  expect(result.keyPrefix, '001', 'keyPrefix');
  const shape = (d) => d.fields.map((f) => [f.name, f.type, f.length, f.nillable, f.externalId, f.unique]);
  expect(shape(result), shape(own), 'fields');
  const key = result.fields.find((f) => f.name === 'External_Key__c');
  expect([key.type, key.externalId, key.unique, key.custom], ['string', true, true, true], 'External_Key__c');
});

finish();
