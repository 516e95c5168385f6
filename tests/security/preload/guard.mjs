// Preload for the confidentiality tests: `NODE_OPTIONS=--import=<this file>` with ZHIZAO_GUARD_LOG=<file>.
// Every network attempt (TCP, TLS, HTTP(S), HTTP/2, UDP, DNS, fetch) is recorded and refused with an exception;
// child processes and file reads are recorded (not refused) so that a test can assert which files were opened.
// One JSON object per line in the log: {"type": "net" | "dns" | "spawn" | "read", "api": "...", "detail": "..."}.
import { appendFileSync } from 'node:fs';
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import module from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const LOG = process.env.ZHIZAO_GUARD_LOG;
const record = (type, api, args) => {
  let detail;
  try {
    detail = JSON.stringify(args, (k, v) => (typeof v === 'function' ? '[fn]' : v instanceof URL ? v.href : v))?.slice(0, 300);
  } catch {
    detail = String(args[0]);
  }
  if (LOG) appendFileSync(LOG, JSON.stringify({ type, api, detail, pid: process.pid }) + '\n');
};
const refuse = (type, api) =>
  function (...args) {
    record(type, api, args);
    throw new Error(`zhizao test guard: ${api} refused (no network at run time)`);
  };
const patch = (obj, name, type, api, refuseIt = true) => {
  const orig = obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = refuseIt
    ? refuse(type, api)
    : function (...args) {
        record(type, api, args);
        return orig.apply(this, args);
      };
};

patch(net.Socket.prototype, 'connect', 'net', 'net.Socket#connect');
patch(net, 'connect', 'net', 'net.connect');
patch(net, 'createConnection', 'net', 'net.createConnection');
patch(tls, 'connect', 'net', 'tls.connect');
for (const [mod, name] of [[http, 'http'], [https, 'https']]) {
  patch(mod, 'request', 'net', `${name}.request`);
  patch(mod, 'get', 'net', `${name}.get`);
}
patch(http2, 'connect', 'net', 'http2.connect');
patch(dgram, 'createSocket', 'net', 'dgram.createSocket');
for (const fn of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  patch(dns, fn, 'dns', `dns.${fn}`);
  patch(dns.promises, fn, 'dns', `dns.promises.${fn}`);
}
if (dns.Resolver) for (const fn of ['resolve', 'resolve4', 'resolve6', 'reverse']) patch(dns.Resolver.prototype, fn, 'dns', `dns.Resolver#${fn}`);
if (typeof globalThis.fetch === 'function') {
  const refuseFetch = refuse('net', 'fetch');
  globalThis.fetch = async (...args) => refuseFetch(...args); // a rejected promise, as a failed fetch would be
}
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = refuse('net', 'WebSocket');

for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) patch(childProcess, fn, 'spawn', `child_process.${fn}`, false);

for (const fn of ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream']) patch(fs, fn, 'read', `fs.${fn}`, false);
for (const fn of ['open', 'readFile']) patch(fs.promises, fn, 'read', `fs.promises.${fn}`, false);

// ESM named imports of built-ins (`import { readFileSync } from 'node:fs'`) see the patched functions too.
module.syncBuiltinESMExports();
