import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/**
 * Watches the deck's folder (editors often save by writing a new file and renaming it over the
 * old one, which a watch on the file itself would miss) and calls back, debounced, when one of
 * the named files changes.
 */
export function watchDeck(files: () => string[], onChange: () => void): { refresh(): void; close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let wanted = new Map<string, Set<string>>();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 60);
  };
  const refresh = () => {
    wanted = new Map<string, Set<string>>();
    for (const file of files()) {
      const dir = dirname(resolve(file));
      if (!wanted.has(dir)) wanted.set(dir, new Set());
      wanted.get(dir)!.add(basename(file));
    }
    for (const [dir, watcher] of watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => {
          if (!name || wanted.get(dir)?.has(name.toString())) schedule();
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // The folder may be gone for a moment (deleted and re-created); the next reload retries.
      }
    }
  };
  refresh();
  return {
    refresh,
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
