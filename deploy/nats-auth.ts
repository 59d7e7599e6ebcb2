// The compose deployment's bus users, made on its first start (the `nats-auth` service runs this once
// before NATS starts): one user per service with a random password and the permissions `inferos up` gives
// its own NATS server (libs/proto/src/auth.ts: only the controller may publish policy updates or write the
// policy bucket and stream; workers, gateway and kv-store may not write the history). It writes
//   ROOT/nats/nats.conf        NATS's configuration: ports, JetStream, the users
//   ROOT/nats/admin.password   the admin user's password, for an operator's own clients
//   ROOT/SERVICE/password      each service's password (each directory is its own volume, mounted only
//                              into that service's containers, which read it as INFEROS_NATS_PASSWORD_FILE)
// A later start finds nats.conf and keeps everything (the passwords live in the volumes until `down -v`).
//   node --import tsx deploy/nats-auth.ts ROOT
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorizationConfig, newBusCredentials, SERVICES } from '@inferos/proto';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node --import tsx deploy/nats-auth.ts ROOT\n');
  process.exit(2);
}
const conf = join(root, 'nats', 'nats.conf');
if (existsSync(conf)) {
  process.stdout.write(`${conf} exists: the bus users made at the first start are kept\n`);
} else {
  const creds = newBusCredentials();
  for (const service of SERVICES) {
    mkdirSync(join(root, service), { recursive: true });
    writeFileSync(join(root, service, 'password'), `${creds[service].pass}\n`, { mode: 0o400 });
  }
  mkdirSync(join(root, 'nats'), { recursive: true });
  writeFileSync(join(root, 'nats', 'admin.password'), `${creds.admin.pass}\n`, { mode: 0o400 });
  // Written last: its presence says every password is in place.
  writeFileSync(conf, ['port: 4222', 'http_port: 8222', 'jetstream { store_dir: "/data" }', authorizationConfig(creds)].join('\n'), { mode: 0o444 });
  process.stdout.write(`made the bus users (${SERVICES.join(', ')}, admin) and ${conf}\n`);
}
