'use strict';
// Fidelity check of the RouterOS API simulator against a second third-party client, mikronode 2.3.11.
// mikronode only implements the pre-6.43 login (it sends a bare /login and answers the MD5 challenge),
// so the simulator must run with --legacy-login.
// Usage: node mikronode-scenario.js --host 127.0.0.1 --port 8728 --user admin --password ''
// Prints one line per step: "ok <step>" or "FAIL <step>: <reason>", and exits 0 only if every step passed.
const MikroNode = require('mikronode');

function option(name, envName, fallback) {
  const i = process.argv.indexOf('--' + name);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (process.env[envName] !== undefined) return process.env[envName];
  return fallback;
}

const host = option('host', 'ROS_HOST', '127.0.0.1');
const port = parseInt(option('port', 'ROS_PORT', '8728'), 10);
const user = option('user', 'ROS_USER', 'admin');
const password = option('password', 'ROS_PASSWORD', '');

function expect(condition, reason) {
  if (!condition) throw new Error(reason);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// mikronode resolves a command with { data: [row, ...] }, each row an array of { field, value };
// a "!done =ret=" resolves with { data: [ret] }.
function rows(result) {
  return result.data.map((row) => MikroNode.resultsToObj(row));
}

// A rejected command carries the trap's fields in data (an array of {field, value} or an object).
function trapMessage(err) {
  const data = err && err.data;
  if (Array.isArray(data)) {
    const o = MikroNode.resultsToObj(data);
    return o.message;
  }
  return data && data.message;
}

async function expectTrap(promise, message) {
  try {
    await promise;
  } catch (err) {
    const got = trapMessage(err);
    expect(got === message, `expected trap "${message}", got ${JSON.stringify(got)} (${JSON.stringify(err)})`);
    return;
  }
  throw new Error(`expected trap "${message}", command succeeded`);
}

let channelCount = 0;
function channel(conn) {
  channelCount += 1;
  return conn.openChannel('c' + channelCount);
}

async function main() {
  const device = new MikroNode(host, port, 10);
  let conn;

  const steps = [
    ['login-legacy', async () => {
      conn = await withTimeout(device.connect().then(([login]) => login(user, password)), 5000, 'login');
    }],
    ['print-proplist-query', async () => {
      const result = await withTimeout(channel(conn).write('/interface/print', [
        '=.proplist=name,type,running', '?type=ether', '?running=true',
      ]), 5000, 'print');
      const list = rows(result);
      const names = list.map((r) => r.name).sort();
      expect(JSON.stringify(names) === JSON.stringify(['ether1', 'ether2', 'ether3', 'ether4']),
        'unexpected rows ' + JSON.stringify(list));
      for (const r of list) {
        const keys = Object.keys(r).sort().join(',');
        expect(keys === 'name,running,type', 'proplist not applied: ' + keys);
      }
    }],
    ['query-or', async () => {
      const result = await withTimeout(channel(conn).write('/interface/print', [
        '=.proplist=name', '?type=bridge', '?name=ether5', '?#|',
      ]), 5000, 'print');
      const names = rows(result).map((r) => r.name).sort();
      expect(JSON.stringify(names) === JSON.stringify(['bridge', 'ether5']), 'unexpected rows ' + JSON.stringify(names));
    }],
    ['add-returns-id', async () => {
      // A tagged "!done =ret=": mikronode's grammar expects the tag before =ret=.
      const result = await withTimeout(channel(conn).write('/ip/address/add', [
        '=address=10.99.0.1/24', '=interface=ether3',
      ]), 5000, 'add');
      expect(result.data.length === 1 && /^\*[0-9A-F]+$/.test(result.data[0]), 'no =ret= id: ' + JSON.stringify(result));
    }],
    ['stream-listen-cancel', async () => {
      const listen = channel(conn);
      const changed = new Promise((resolve, reject) => {
        listen.data.subscribe((s) => {
          if (!s.data) return; // the !done sentences after a cancel come through as data without fields
          const row = MikroNode.resultsToObj(s.data);
          if (row.name === 'ether2') resolve(row);
        }, reject);
      });
      const finished = listen.write('/interface/listen').then(
        () => 'done',
        (err) => `trap ${trapMessage(err)}`);
      // Give the listen command time to reach the router before changing anything.
      await new Promise((r) => setTimeout(r, 200));
      await withTimeout(channel(conn).write('/interface/set', ['=.id=ether2', '=disabled=yes']), 5000, 'set');
      const row = await withTimeout(changed, 5000, 'listen data');
      expect(row.disabled === 'true' && row.running === 'false', 'unexpected listen row ' + JSON.stringify(row));
      // close(true) sends /cancel (tagged, without =tag=): the listen ends with "interrupted".
      listen.close(true);
      const end = await withTimeout(finished, 5000, 'end of listen after cancel');
      expect(end === 'trap interrupted', 'listen ended with ' + end);
    }],
    ['trap-bad-interface', async () => {
      await withTimeout(expectTrap(channel(conn).write('/ip/address/add', [
        '=address=10.98.0.1/24', '=interface=no-such-interface',
      ]), 'input does not match any value of interface'), 5000, 'trap');
    }],
    ['trap-unknown-command', async () => {
      // The peer runs against a pre-6.43 router (the only login mikronode has): one trap. RouterOS 7
      // sends two (no such command or directory (no), then this one); mikronode rejects with the first.
      await withTimeout(expectTrap(channel(conn).write('/no/such/menu'), 'no such command prefix'), 5000, 'trap');
    }],
    ['still-usable-after-traps', async () => {
      const result = await withTimeout(channel(conn).write('/system/resource/print', ['=.proplist=uptime,cpu-load,version']), 5000, 'resource');
      const list = rows(result);
      expect(list.length === 1 && /^(\d+[wdhms])+$/.test(list[0].uptime), 'bad resource row ' + JSON.stringify(list));
    }],
    ['close', async () => {
      const closed = new Promise((resolve) => conn.once('close', resolve));
      conn.close();
      await withTimeout(closed, 5000, 'connection close');
    }],
  ];

  let failed = false;
  for (const [name, run] of steps) {
    try {
      await run();
      console.log(`ok ${name}`);
    } catch (err) {
      console.log(`FAIL ${name}: ${err && (err.message || JSON.stringify(err))}`);
      failed = true;
      break;
    }
  }

  process.exit(failed ? 1 : 0);
}

process.on('uncaughtException', (err) => {
  console.log(`FAIL uncaught: ${err && err.message}`);
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  console.log(`note: unhandled rejection: ${err && (err.message || JSON.stringify(err))}`);
});

main();
