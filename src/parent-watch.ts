import { isAlive, parentOf } from './db/embedded/processes';

/**
 * Started by an npm script (`npm start`), the server is npm's child. npm forwards SIGTERM and SIGINT, but nothing tells
 * the server when npm itself is killed outright, and it would go on serving with no one to stop it: so it polls for its
 * parent and calls `onOrphaned` once the parent is gone. Started any other way (systemd, a container, nohup), it does not.
 */
export function stopWithNpm(onOrphaned: () => void, intervalMs = 1000): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const orphaned = () => (process.platform === 'linux' ? parentOf(process.pid) !== parent : !isAlive(parent));
  const timer = setInterval(() => {
    if (!orphaned()) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  timer.unref();
}
