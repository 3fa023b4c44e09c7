#!/usr/bin/env python3
"""Measures a cluster's failover as docs/cluster.md reports it: workers issue tickets through the web nodes without
pause, one silo is killed with SIGKILL, and the script reports how long until every theme's line issues again, and
what the requests in flight answered. Besides the workers (each waits for its answer before the next request), a
prober starts a fresh request every 100 ms whatever the others wait for, so that the time until a new request is
answered again shows even while every worker waits on a request the kill left hanging. Python 3 standard library only.

  scripts/cluster-failover.py --web http://127.0.0.1:8080 --password PW --kill PID [--hall binjiang]
"""
import argparse, json, os, signal, threading, time, urllib.error, urllib.request

def request(method, url, body=None, token=None, timeout=20):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={'content-type': 'application/json', 'accept': 'application/json'})
    if token:
        req.add_header('authorization', 'Bearer ' + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # timeout, connection refused
        return 0, str(e).encode()

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--web', action='append', required=True)
    p.add_argument('--password', required=True)
    p.add_argument('--kill', type=int, required=True, help='the pid of the silo to kill')
    p.add_argument('--hall', default='binjiang')
    p.add_argument('--workers', type=int, default=4)
    p.add_argument('--before', type=float, default=5)
    p.add_argument('--after', type=float, default=15)
    a = p.parse_args()
    status, body = request('POST', a.web[0] + '/api/auth/login', {'userName': 'admin', 'password': a.password})
    assert status == 200, (status, body)
    token = json.loads(body)['token']
    status, body = request('GET', f'{a.web[0]}/api/halls/{a.hall}', token=token)
    assert status == 200, (status, body)
    themes = [t['code'] for t in json.loads(body)['themes']]
    results, stop, t0 = [], threading.Event(), time.monotonic()

    def worker(w):
        n = 0
        while not stop.is_set():
            web, theme = a.web[(w + n) % len(a.web)], themes[(w * 3 + n) % len(themes)]
            started = time.monotonic() - t0
            status, _ = request('POST', f'{web}/api/halls/{a.hall}/themes/{theme}/tickets',
                                {'channel': 'Kiosk', 'priority': 'Normal', 'requestId': f'f{os.getpid()}-{w}-{n}'}, token)
            results.append((theme, started, time.monotonic() - t0, status))
            n += 1

    probes = []

    def probe(n):
        theme = themes[n % len(themes)]
        started = time.monotonic() - t0
        status, _ = request('POST', f'{a.web[n % len(a.web)]}/api/halls/{a.hall}/themes/{theme}/tickets',
                            {'channel': 'Kiosk', 'priority': 'Normal', 'requestId': f'p{os.getpid()}-{n}'}, token)
        probes.append((theme, started, time.monotonic() - t0, status))

    def prober():
        n = 0
        while not stop.is_set():
            threading.Thread(target=probe, args=(n,), daemon=True).start()
            n += 1
            time.sleep(0.1)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(a.workers)] + [threading.Thread(target=prober)]
    for t in threads:
        t.start()
    time.sleep(a.before)
    killed = time.monotonic() - t0
    os.kill(a.kill, signal.SIGKILL)
    time.sleep(a.after)
    stop.set()
    for t in threads:
        t.join()
    time.sleep(6)  # the last probes' answers

    after = [r for r in results if r[1] > killed]
    inflight = [r for r in results if r[1] <= killed < r[2]]
    first_ok = {th: min((r[2] for r in after if r[0] == th and r[3] == 201), default=None) for th in themes}
    ok_at = sorted(r[2] for r in results if r[3] == 201)
    gaps = [b - a_ for a_, b in zip(ok_at, ok_at[1:]) if b > killed]
    failed = [r for r in results if r[3] != 201]
    print(f'tickets issued: {sum(1 for r in results if r[3] == 201 and r[1] <= killed)} before the kill, {sum(1 for r in after if r[3] == 201)} after')
    print(f'requests in flight at the kill: {len(inflight)}, answered ' + ', '.join(f'{r[3]} after {r[2] - killed:.1f} s' for r in inflight))
    print('failed requests: ' + (', '.join(f'{s}x{sum(1 for r in failed if r[3] == s)}' for s in sorted({r[3] for r in failed})) or 'none')
          + (f'; the slowest answered after {max(r[2] - r[1] for r in failed):.1f} s' if failed else ''))
    print(f'longest time with no ticket issued: {max(gaps, default=0):.1f} s')
    missing = [th for th, t in first_ok.items() if t is None]
    late = [r for r in probes if r[1] > killed]
    bad = [r for r in late if r[3] != 201]
    last_bad = max((r[1] for r in bad), default=killed)
    print(f'probes started after the kill: {len(late)}; refused or failed: {len(bad)}'
          + (f', the last of them started {last_bad - killed:.1f} s after the kill' if bad else '')
          + f'; every probe started from {last_bad - killed:.1f} s on was answered 201, the slowest in '
          + f'{max((r[2] - r[1] for r in late if r[1] > last_bad), default=0):.1f} s')
    print('every line issued again ' + (f'{max(first_ok.values()) - killed:.1f} s after the kill' if not missing else f'except {missing}'))

if __name__ == '__main__':
    main()
