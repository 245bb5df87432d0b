#!/usr/bin/env python3
"""Posts TLS reports to mtasts serve at a sustained rate and checks that none acknowledged is lost.

Usage: serve-intake-client.py send URL COUNT THREADS RATE ACKED_FILE
       serve-intake-client.py verify URL ACKED_FILE

send: RATE is the target reports per second over all threads. Each report has its own report-id; a connection error (the server was killed) is retried
until the server is back, so every report ends acknowledged or counted as failed.
verify: posts every acknowledged report again. The store must find each one as a duplicate
(200); a 201 means the report had been acknowledged but was not stored, that is, lost.
"""
import gzip
import http.client
import json
import sys
import threading
import time
import urllib.parse


def report(report_id):
    body = {
        "organization-name": "Bench Sender",
        "date-range": {"start-datetime": "2026-12-01T00:00:00Z", "end-datetime": "2026-12-01T23:59:59Z"},
        "contact-info": "tlsrpt@bench-sender.example",
        "report-id": report_id,
        "policies": [{
            "policy": {"policy-type": "sts", "policy-string": ["version: STSv1", "mode: testing", "mx: mx1.example.com", "max_age: 604800"],
                       "policy-domain": "example.com"},
            "summary": {"total-successful-session-count": 100, "total-failure-session-count": 1},
            "failure-details": [{"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.10",
                                 "receiving-mx-hostname": "mx1.example.com", "failed-session-count": 1}],
        }],
    }
    return gzip.compress(json.dumps(body).encode())


def post(connection, path, body):
    connection.request("POST", path, body, {"Content-Type": "application/tlsrpt+gzip"})
    response = connection.getresponse()
    response.read()
    return response.status


def send(url, count, threads, rate, acked_file):
    parsed = urllib.parse.urlparse(url)
    ids = [f"bench-{int(time.time())}-{i}" for i in range(count)]
    acked, failed, retries = [], [], [0]
    lock = threading.Lock()

    interval = threads / rate

    def worker(part):
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
        next_send = time.monotonic()
        for report_id in part:
            # Paced to the target rate; after an outage the backlog is sent as fast as the server takes it.
            next_send += interval
            delay = next_send - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            body = report(report_id)
            deadline = time.monotonic() + 60
            while True:
                try:
                    status = post(connection, parsed.path, body)
                    break
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
                    with lock:
                        retries[0] += 1
                    if time.monotonic() > deadline:
                        status = None
                        break
                    time.sleep(0.05)
            with lock:
                (acked if status in (200, 201) else failed).append(report_id)

    started = time.monotonic()
    workers = [threading.Thread(target=worker, args=(ids[i::threads],)) for i in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.monotonic() - started
    with open(acked_file, "w") as output:
        output.write("\n".join(acked))
    print(f"sent {count}, acknowledged {len(acked)}, failed {len(failed)}, connection retries {retries[0]}, "
          f"{elapsed:.1f} s, {len(acked) / elapsed:.0f} reports/s")


def verify(url, acked_file):
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    ids = [line for line in open(acked_file).read().split("\n") if line]
    statuses = {}
    for report_id in ids:
        status = post(connection, parsed.path, report(report_id))
        statuses[status] = statuses.get(status, 0) + 1
    lost = statuses.get(201, 0)
    print(f"re-posted {len(ids)} acknowledged reports: {statuses}; lost {lost}")
    return 1 if lost else 0


if __name__ == "__main__":
    if sys.argv[1] == "send":
        send(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
    else:
        sys.exit(verify(sys.argv[2], sys.argv[3]))
