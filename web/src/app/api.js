// Calls to the vwe serve API (docs/service.md, docs/tiles.md). Errors carry the problem+json detail, which the
// page shows as it is: the service words its details for people.

/** An API answer that was not a success, with the sentence to show. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function readProblem(response) {
  try {
    const body = await response.json();
    if (body && typeof body.detail === 'string' && body.detail.length > 0) {
      return body.detail;
    }
    if (body && typeof body.title === 'string') {
      return body.title;
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `the server answered ${response.status} ${response.statusText}`.trim();
}

/** Network failures (not HTTP errors) a GET is tried again after: a network change aborts requests in flight. */
const GET_RETRY_DELAYS_MS = [200, 1000];

async function send(path, init) {
  let response;
  for (let attempt = 0; ; attempt += 1) {
    try {
      response = await fetch(path, init);
      break;
    } catch (failure) {
      const idempotent = !init || !init.method || init.method === 'GET';
      if (failure.name === 'AbortError' || !idempotent || attempt >= GET_RETRY_DELAYS_MS.length) {
        throw new ApiError(0, `the server cannot be reached (${failure.message}); is vwe serve still running?`);
      }
      await new Promise((resolve) => setTimeout(resolve, GET_RETRY_DELAYS_MS[attempt]));
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return response.json();
}

/** GET /api/v1/tiles: tile version, zoom range, layers and the tile URL template. */
export function getTileInfo() {
  return send('/api/v1/tiles', { cache: 'no-cache' });
}

/** GET /api/v1/seed?text=: the world's int seed for a seed text (the game's hash). */
export function hashSeed(text, signal) {
  return send(`/api/v1/seed?text=${encodeURIComponent(text)}`, { signal });
}

/** GET /api/v1/point: biome and height at one world point. */
export function samplePoint(seedInt, x, z, signal) {
  return send(`/api/v1/point?seedInt=${seedInt}&x=${x}&z=${z}`, { signal });
}

/** POST /api/v1/worlds: ask for a world's files; answers the job (queued, running or already succeeded). */
export function requestWorld(body) {
  return send('/api/v1/worlds', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** GET /api/v1/jobs/{id}: a job's status, progress and, once done, its files. */
export function getJob(jobId) {
  return send(`/api/v1/jobs/${encodeURIComponent(jobId)}`, { cache: 'no-cache' });
}
