// The compose deployment's bus users (the `nats-auth` service runs this before NATS starts, at every
// `up`): one user per service with a random password and the permissions `inferos up` gives its own NATS
// server (libs/proto/src/auth.ts: only the controller may publish policy updates or write the policy
// bucket and stream; workers, gateway and kv-store may not write the history). It keeps
//   ROOT/SERVICE/password      each service's password, made on the first start (each directory is its own
//                              volume, mounted only into that service's containers, which read it as
//                              INFEROS_NATS_PASSWORD_FILE); one missing (a service added since) is made
//   ROOT/nats/admin.password   the admin user's password, for an operator's own clients
// and writes ROOT/nats/nats.conf (ports, JetStream, the users) again every time, so that a release's
// users and permissions reach a deployment made by an older one. `down -v` forgets the passwords.
//   node --import tsx deploy/nats-auth.ts ROOT
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorizationConfig, newBusCredentials, BUS_USERS, type BusCredentials, type BusUser } from '@inferos/proto';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node --import tsx deploy/nats-auth.ts ROOT\n');
  process.exit(2);
}
const fresh = newBusCredentials();
const creds = {} as Record<BusUser, BusCredentials>;
const made: string[] = [];
for (const user of BUS_USERS) {
  const dir = join(root, user === 'admin' ? 'nats' : user);
  const file = join(dir, user === 'admin' ? 'admin.password' : 'password');
  mkdirSync(dir, { recursive: true });
  if (existsSync(file)) {
    creds[user] = { user, pass: readFileSync(file, 'utf8').trim() };
  } else {
    creds[user] = fresh[user];
    writeFileSync(file, `${fresh[user].pass}\n`, { mode: 0o400 });
    made.push(user);
  }
}
const conf = join(root, 'nats', 'nats.conf');
rmSync(conf, { force: true });
writeFileSync(conf, ['port: 4222', 'http_port: 8222', 'jetstream { store_dir: "/data" }', authorizationConfig(creds)].join('\n'), { mode: 0o444 });
process.stdout.write(`${conf} written for ${BUS_USERS.join(', ')}; ${made.length ? `new passwords for ${made.join(', ')}` : 'every password kept'}\n`);
