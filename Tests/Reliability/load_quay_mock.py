#!/usr/bin/env python3
"""quay-mock under load: many concurrent clients on loopback for a bounded time, then the final
state checked against the log of acknowledged writes.

Each client owns its repositories (`loadtest/c<client>-r<n>`) and its team (`t<client>`), and
does a realistic mix on them: create, list, read, update and delete repositories, move tags,
grant user permissions and change its team. Every write the server acknowledged (a 2xx) is
applied to the client's expected state; a read of its own repository must show its own last
write at once. When time is up, the state the server holds is read back (the namespace's
repositories through every page, each one's description, tags and permissions, the
organization's teams) and must equal the union of the expected states: no lost write, no
phantom one. Any 5xx, connection error or mismatch fails the run.

  python3 Tests/Reliability/load_quay_mock.py --mock .build/debug/quay-mock [--clients 200] [--seconds 60]
"""
import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

TOKEN = "quay-mock-token"
ORG = "loadtest"
USERS = [f"load-u{index}" for index in range(8)]
ROLES = ["read", "write", "admin"]
TEAM_ROLES = ["member", "creator", "admin"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Connection:
    """One keep-alive connection, as one client of a real API would hold."""

    def __init__(self, port):
        self.port = port
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, method, path, body=None):
        headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        try:
            self.http.request(method, path, body=data, headers=headers)
            response = self.http.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.http.close()
            self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise
        took = time.perf_counter() - start
        text = raw.decode("utf-8", "replace")
        try:
            value = json.loads(text) if text.strip() else None
        except ValueError:
            value = text
        return response.status, value, took


def quote(text, safe=""):
    return urllib.parse.quote(text, safe=safe)


def repository_path(name):
    """`loadtest/c1-r2` in a path: two segments, as Quay's clients send it."""
    return quote(f"{ORG}/{name}", safe="/")


class Client(threading.Thread):
    """One client: its mix of calls on what it owns, and what it expects the server to hold."""

    def __init__(self, index, port, deadline, seed):
        super().__init__(daemon=True)
        self.index = index
        self.connection = Connection(port)
        self.deadline = deadline
        self.random = random.Random(seed * 100_003 + index)
        self.repositories = {}  # name -> {"description", "tags": {tag: digest}, "users": {user: role}}
        self.team_role = None
        self.counter = 0
        self.latencies = {}
        self.failures = []
        self.server_errors = 0

    def request(self, operation, method, path, body=None, expect=(200,)):
        status, value, took = self.connection.call(method, path, body)
        self.latencies.setdefault(operation, []).append(took)
        if status >= 500:
            self.server_errors += 1
            self.failures.append(f"client {self.index}: {operation} {method} {path} answered {status}: {value}")
        elif status not in expect:
            self.failures.append(f"client {self.index}: {operation} {method} {path} answered {status}, not {expect}: {value}")
        return status, value

    def digest(self):
        return "sha256:" + "".join(self.random.choice("0123456789abcdef") for _ in range(64))

    def run(self):
        try:
            while time.monotonic() < self.deadline and not self.failures:
                self.step()
        except Exception as error:  # a connection error is a failure of the run, reported
            self.failures.append(f"client {self.index}: {type(error).__name__}: {error}")

    def step(self):
        owned = sorted(self.repositories)
        choice = self.random.random()
        if not owned or choice < 0.15:
            self.counter += 1
            name = f"c{self.index}-r{self.counter}"
            description = f"created by client {self.index}"
            status, _ = self.request("createRepo", "POST", "/api/v1/repository",
                                     {"repository": name, "namespace": ORG, "visibility": "private", "description": description},
                                     expect=(201,))
            if status == 201:
                self.repositories[name] = {"description": description, "tags": {}, "users": {}}
            return
        name = self.random.choice(owned)
        repository = repository_path(name)
        state = self.repositories[name]
        if choice < 0.30:
            description = f"description {self.random.randrange(1_000_000)}"
            status, _ = self.request("updateRepo", "PUT", f"/api/v1/repository/{repository}", {"description": description})
            if status == 200:
                state["description"] = description
        elif choice < 0.45:
            tag = self.random.choice(["latest", "stable", "v1", "v2"])
            digest = self.digest()
            status, _ = self.request("changeTag", "PUT", f"/api/v1/repository/{repository}/tag/{tag}",
                                     {"manifest_digest": digest}, expect=(201,))
            if status == 201:
                state["tags"][tag] = digest
        elif choice < 0.55:
            user, role = self.random.choice(USERS), self.random.choice(ROLES)
            status, _ = self.request("changeUserPermissions", "PUT",
                                     f"/api/v1/repository/{repository}/permissions/user/{user}", {"role": role})
            if status == 200:
                state["users"][user] = role
        elif choice < 0.62:
            role = self.random.choice(TEAM_ROLES)
            status, _ = self.request("updateOrganizationTeam", "PUT", f"/api/v1/organization/{ORG}/team/t{self.index}",
                                     {"role": role, "description": f"team of client {self.index}"})
            if status == 200:
                self.team_role = role
        elif choice < 0.72:
            status, _ = self.request("deleteRepository", "DELETE", f"/api/v1/repository/{repository}", expect=(204,))
            if status == 204:
                del self.repositories[name]
        elif choice < 0.80:
            self.request("listRepos", "GET", f"/api/v1/repository?namespace={ORG}")
        else:
            status, value = self.request("getRepo", "GET", f"/api/v1/repository/{repository}")
            if status == 200 and value.get("description") != state["description"]:
                self.failures.append(f"client {self.index}: read {repository} right after its own write: description "
                                     f"{value.get('description')!r}, not {state['description']!r}")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def report(failures):
    """Prints the first failures; the exit status."""
    for failure in failures[:20]:
        print("FAIL " + failure)
    return 1 if failures else 0


def read_back(connection):
    """What the server holds: every repository of the namespace with its state, and the teams."""
    repositories, token = {}, None
    while True:
        path = f"/api/v1/repository?namespace={ORG}" + (f"&next_page={quote(token)}" if token else "")
        status, value, _ = connection.call("GET", path)
        assert status == 200, f"listRepos answered {status}: {value}"
        for item in value["repositories"]:
            repositories[item["name"]] = None
        token = value.get("next_page")
        if not token:
            break
    for name in repositories:
        repository = repository_path(name)
        _, value, _ = connection.call("GET", f"/api/v1/repository/{repository}")
        description = value.get("description")
        _, tags, _ = connection.call("GET", f"/api/v1/repository/{repository}/tag/?limit=100")
        _, permissions, _ = connection.call("GET", f"/api/v1/repository/{repository}/permissions/user/")
        repositories[name] = {
            "description": description,
            "tags": {tag["name"]: tag["manifest_digest"] for tag in tags["tags"]},
            "users": {user: entry["role"] for user, entry in permissions["permissions"].items() if user in USERS},
        }
    _, organization, _ = connection.call("GET", f"/api/v1/organization/{ORG}")
    teams = {name: team["role"] for name, team in organization["teams"].items() if name != "owners"}
    return repositories, teams


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mock", required=True, help="the quay-mock executable")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    port = free_port()
    mock = subprocess.Popen([os.path.abspath(options.mock), "--port", str(port), "--quiet", "--page-size", "50"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        setup = None
        for _ in range(200):
            try:
                setup = Connection(port)
                setup.call("GET", "/api/v1/user/")
                break
            except OSError:
                time.sleep(0.05)
        assert setup, "quay-mock did not start"
        status, value, _ = setup.call("POST", "/api/v1/organization/", {"name": ORG, "email": "load@example.com"})
        assert status == 201, f"createOrganization answered {status}: {value}"
        for user in USERS:
            status, value, _ = setup.call("POST", "/api/v1/superuser/users/", {"username": user, "email": f"{user}@example.com"})
            assert status == 200, f"createInstallUser answered {status}: {value}"

        deadline = time.monotonic() + options.seconds
        clients = [Client(index, port, deadline, options.seed) for index in range(options.clients)]
        start = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        took = time.monotonic() - start

        failures = [failure for client in clients for failure in client.failures]
        if failures:
            return report(failures)
        expected_repositories = {name: state for client in clients for name, state in client.repositories.items()}
        expected_teams = {f"t{client.index}": client.team_role for client in clients if client.team_role}
        held_repositories, held_teams = read_back(setup)
        lost = sorted(set(expected_repositories) - set(held_repositories))
        phantom = sorted(set(held_repositories) - set(expected_repositories))
        changed = sorted(name for name in set(expected_repositories) & set(held_repositories)
                         if expected_repositories[name] != held_repositories[name])
        if lost:
            failures.append(f"{len(lost)} acknowledged repositories lost: {lost[:5]}")
        if phantom:
            failures.append(f"{len(phantom)} phantom repositories (deleted, or never acknowledged): {phantom[:5]}")
        for name in changed[:5]:
            failures.append(f"{name}: the server holds {held_repositories[name]}, the acknowledged writes say {expected_repositories[name]}")
        teams_match = held_teams == expected_teams
        if not teams_match:
            wrong = sorted(name for name in set(held_teams) | set(expected_teams) if held_teams.get(name) != expected_teams.get(name))
            failures.append(f"teams differ from the acknowledged writes: {wrong[:5]}")

        by_operation = {}
        for client in clients:
            for operation, values in client.latencies.items():
                by_operation.setdefault(operation, []).extend(values)
        latencies = [value for values in by_operation.values() for value in values]
        calls = len(latencies)
        print(f"{options.clients} clients for {took:.1f} s: {calls:,} calls ({calls / took:,.0f} per second), "
              f"{sum(client.server_errors for client in clients)} 5xx; "
              f"latency p50 {percentile(latencies, 0.5):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms")
        for operation, values in sorted(by_operation.items()):
            print(f"  {operation:>24}: {len(values):>7,} calls, p50 {percentile(values, 0.5):6.1f} ms, p99 {percentile(values, 0.99):6.1f} ms")
        print(f"final state: {len(held_repositories)} repositories and {len(held_teams)} teams, "
              f"{'equal to' if not (lost or phantom or changed) and teams_match else 'NOT equal to'} the acknowledged writes")
        return report(failures)
    finally:
        mock.terminate()
        try:
            mock.wait(timeout=10)
        except subprocess.TimeoutExpired:
            mock.kill()


if __name__ == "__main__":
    sys.exit(main())
