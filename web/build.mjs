// Lays out the viewer's static files for `vwe serve` (docs/viewer.md, "How the build works"):
//
//   OUT/index.html                       the page, revalidated on every load
//   OUT/assets/<version>/app/...         the page's own modules and CSS   } long-lived: <version> is a hash of
//   OUT/assets/<version>/leaflet/...     Leaflet's dist (ES module, CSS)  } every byte below it
//
// Usage: node build.mjs --out DIR. Plain copies, no bundling: the modules import each other and Leaflet by
// relative path. DIR is replaced as a whole (built in a sibling folder, then renamed into place).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
if (outIndex < 0 || !process.argv[outIndex + 1]) {
  console.error('build.mjs: give --out DIR, the folder to write the viewer into.');
  process.exit(2);
}
const out = resolve(process.argv[outIndex + 1]);

const leafletDist = join(here, 'node_modules', 'leaflet', 'dist');
if (!existsSync(join(leafletDist, 'leaflet-src.esm.js'))) {
  console.error(`build.mjs: Leaflet is not installed (${leafletDist} is missing); run 'npm ci' in ${here} first.`);
  process.exit(1);
}

// What goes under assets/<version>/: [folder in the output, source folder, files to take].
const assets = [
  ['app', join(here, 'src', 'app'), listFiles(join(here, 'src', 'app'))],
  ['leaflet', leafletDist, ['leaflet-src.esm.js', 'leaflet.css', ...listFiles(join(leafletDist, 'images')).map((f) => `images/${f}`)]],
];

const version = hashOf(assets);
const staging = `${out}.staging`;
rmSync(staging, { recursive: true, force: true });
for (const [folder, source, files] of assets) {
  for (const file of files) {
    const target = join(staging, 'assets', version, folder, file);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(source, file), target);
  }
}
const page = readFileSync(join(here, 'src', 'index.html'), 'utf8').replaceAll('{{assets}}', `assets/${version}`);
writeFileSync(join(staging, 'index.html'), page);

rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
console.log(`build.mjs: viewer written to ${out} (assets/${version})`);

/** Files under a folder, as paths relative to it with '/' separators, sorted (so the hash is stable). */
function listFiles(folder) {
  const found = [];
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        found.push(relative(folder, path).split(sep).join('/'));
      }
    }
  };
  walk(folder);
  return found;
}

/** A short hash of every asset's name and bytes: changes whenever anything served under it changes. */
function hashOf(groups) {
  const hash = createHash('sha256');
  for (const [folder, source, files] of groups) {
    for (const file of files) {
      hash.update(`${folder}/${file}\0`);
      hash.update(readFileSync(join(source, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}
