'use strict';
// Fidelity check of the RouterOS API simulator against a third-party client (node-routeros).
// Usage: node scenario.js --host 127.0.0.1 --port 8728 --user admin --password ''
// (or ROS_HOST / ROS_PORT / ROS_USER / ROS_PASSWORD). Prints one line per step:
// "ok <step>" or "FAIL <step>: <reason>", and exits 0 only if every step passed.
const { RouterOSAPI } = require('node-routeros');

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

async function expectTrap(promise, message) {
  try {
    await promise;
  } catch (err) {
    expect(err.message === message, `expected trap "${message}", got "${err.message}"`);
    return;
  }
  throw new Error(`expected trap "${message}", command succeeded`);
}

async function main() {
  const api = new RouterOSAPI({ host, port, user, password, timeout: 10 });
  const closed = new Promise((resolve) => api.once('close', resolve));
  // node-routeros reports socket errors as events; an unhandled one would crash the process.
  api.on('error', (err) => console.log(`note: client error event: ${err && err.message}`));

  const steps = [
    ['login', async () => {
      await withTimeout(api.connect(), 5000, 'login');
    }],
    ['print-proplist-query', async () => {
      const rows = await withTimeout(api.write('/interface/print', [
        '=.proplist=name,type,running', '?type=ether', '?running=true',
      ]), 5000, 'print');
      const names = rows.map((r) => r.name).sort();
      expect(JSON.stringify(names) === JSON.stringify(['ether1', 'ether2', 'ether3', 'ether4']),
        'unexpected rows ' + JSON.stringify(names));
      for (const r of rows) {
        const keys = Object.keys(r).sort().join(',');
        expect(keys === 'name,running,type', 'proplist not applied: ' + keys);
      }
    }],
    ['query-or', async () => {
      const rows = await withTimeout(api.write('/interface/print', [
        '=.proplist=name', '?type=bridge', '?name=ether5', '?#|',
      ]), 5000, 'print');
      const names = rows.map((r) => r.name).sort();
      expect(JSON.stringify(names) === JSON.stringify(['bridge', 'ether5']), 'unexpected rows ' + JSON.stringify(names));
    }],
    ['add-returns-id', async () => {
      const data = await withTimeout(api.write('/ip/address/add', [
        '=address=10.99.0.1/24', '=interface=ether3',
      ]), 5000, 'add');
      expect(data.length === 1 && /^\*[0-9A-F]+$/.test(data[0].ret), 'no =ret= id: ' + JSON.stringify(data));
    }],
    ['stream-listen-cancel', async () => {
      let stream;
      const changed = new Promise((resolve, reject) => {
        stream = api.stream(['/interface/listen'], (err, packet) => {
          if (err) { reject(err); return; }
          if (packet && packet.name === 'ether2') resolve(packet);
        });
      });
      // Give the listen command time to reach the router before changing anything.
      await new Promise((r) => setTimeout(r, 200));
      await withTimeout(api.write('/interface/set', ['=.id=ether2', '=disabled=yes']), 5000, 'set');
      const packet = await withTimeout(changed, 5000, 'listen data');
      expect(packet.disabled === 'true' && packet.running === 'false', 'unexpected listen row ' + JSON.stringify(packet));
      await withTimeout(stream.stop(), 5000, 'cancel of listen');
    }],
    ['stream-log-follow-only-cancel', async () => {
      let stream;
      const logged = new Promise((resolve, reject) => {
        stream = api.stream(['/log/print', '=follow-only='], (err, packet) => {
          if (err) { reject(err); return; }
          if (packet && typeof packet.message === 'string' && packet.message.indexOf('ether4 link') >= 0) resolve(packet);
        });
      });
      await new Promise((r) => setTimeout(r, 200));
      await withTimeout(api.write('/interface/disable', ['=numbers=ether4']), 5000, 'disable');
      await withTimeout(api.write('/interface/enable', ['=numbers=ether4']), 5000, 'enable');
      const entry = await withTimeout(logged, 5000, 'log data');
      expect(entry.topics && entry.topics.indexOf('interface') >= 0, 'unexpected log row ' + JSON.stringify(entry));
      await withTimeout(stream.stop(), 5000, 'cancel of log follow');
    }],
    ['trap-bad-interface', async () => {
      await withTimeout(expectTrap(api.write('/ip/address/add', [
        '=address=10.98.0.1/24', '=interface=no-such-interface',
      ]), 'input does not match any value of interface'), 5000, 'trap');
    }],
    ['trap-unknown-command', async () => {
      // RouterOS 7 answers an unknown menu with two traps; node-routeros rejects with the first.
      await withTimeout(expectTrap(api.write('/no/such/menu'), 'no such command or directory (no)'), 5000, 'trap');
    }],
    ['still-usable-after-traps', async () => {
      const rows = await withTimeout(api.write('/system/resource/print', ['=.proplist=uptime,cpu-load,version']), 5000, 'resource');
      expect(rows.length === 1 && /^(\d+[wdhms])+$/.test(rows[0].uptime), 'bad resource row ' + JSON.stringify(rows));
    }],
    ['quit', async () => {
      // /quit is answered by an untagged !fatal; node-routeros turns it into a socket close.
      api.write('/quit').catch(() => {});
      await withTimeout(closed, 5000, 'connection close after /quit');
    }],
  ];

  let failed = false;
  for (const [name, run] of steps) {
    try {
      await run();
      console.log(`ok ${name}`);
    } catch (err) {
      console.log(`FAIL ${name}: ${err && err.message}`);
      failed = true;
      break;
    }
  }

  if (failed) {
    try { api.connector && api.connector.destroy(); } catch (e) { /* already gone */ }
  }
  process.exit(failed ? 1 : 0);
}

process.on('uncaughtException', (err) => {
  console.log(`FAIL uncaught: ${err && err.message}`);
  process.exit(1);
});

main();
