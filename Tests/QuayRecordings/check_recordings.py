#!/usr/bin/env python3
"""Holds the recorded real-Quay exchanges (Tests/QuayRecordings/exchanges) against spec/quay.yaml,
so the spec can never drift from what the real server does.

For every exchange it checks:

- the operation exists, with the recorded method and path template;
- each recorded query parameter is one the operation declares;
- a JSON request body validates against the operation's request body schema (or Quay refused
  it with a 4xx, as the spec would);
- the response status is documented: a 2xx must be listed by its exact code, an error may fall
  to `default`;
- the response's media type is one the documented response lists (an empty body needs none);
- the body validates against that media type's schema (JSON Schema 2020-12, the dialect of
  OpenAPI 3.1, with the `jsonschema` library); a body that is not JSON is checked as a string.

Exchanges of operations whose class in summary.tsv is `ok` or `needs-worker` must all pass. Of
the others (`spec-mismatch`, `no-data`, `server-error`), exchanges that got an answer must pass
too; those that got none (status 0, the server dropped the connection), Quay's HTML error pages
(a redirect to a route's trailing slash, a CSRF refusal of a write sent without the credentials
the spec requires, a route this Quay process does not serve) are listed as skipped, with the
reason.

  python3 Tests/QuayRecordings/check_recordings.py [SPEC] [EXCHANGES_DIR]

It also checks that every request and response `example` in the spec (recorded answers, which
the docs and quay-mock show) validates against its schema.

Exit status 0 when every checked exchange and example passes, 1 otherwise.
"""
import glob
import json
import os
import sys

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SPEC_URI = "urn:apigen:quay-spec"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def media_type(value):
    """`text/html; charset=utf-8` -> `text/html`."""
    return (value or "").split(";")[0].strip().lower()


class Spec:
    def __init__(self, path):
        with open(path, encoding="utf-8") as handle:
            self.document = yaml.safe_load(handle)
        resource = Resource(contents=self.document, specification=DRAFT202012)
        self.registry = Registry().with_resource(SPEC_URI, resource)
        self.operations = {}
        for template, item in (self.document.get("paths") or {}).items():
            shared = item.get("parameters") or []
            for method in METHODS:
                operation = item.get(method)
                if operation is not None:
                    self.operations[operation.get("operationId")] = (method.upper(), template, operation, shared)

    def resolve(self, node, pointer=""):
        """A `$ref`'d parameter, response or request body, followed; with its JSON pointer."""
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"][1:]
            if not node["$ref"].startswith("#/"):
                raise ValueError(f"only local references are followed here: {node['$ref']}")
            node = self.document
            for token in pointer[1:].split("/"):
                node = node[token.replace("~1", "/").replace("~0", "~")]
        return node, pointer

    def errors(self, pointer, instance):
        """Validation errors of `instance` against the schema at `pointer` in the spec: the
        schema is reached through the registry, so its `$ref`s resolve inside the spec."""
        validator = Draft202012Validator({"$ref": SPEC_URI + "#" + pointer}, registry=self.registry)
        return sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))


def escape(token):
    return token.replace("~", "~0").replace("/", "~1")


def describe(error):
    where = "/" + "/".join(str(part) for part in error.absolute_path)
    return f"at {where}: {error.message[:300]}"


def check(spec, exchange):
    """The problems of one exchange, as strings; empty when it agrees with the spec."""
    problems = []
    request, response = exchange["request"], exchange["response"]
    found = spec.operations.get(exchange["operationId"])
    if found is None:
        return [f"operation {exchange['operationId']} is not in the spec"]
    method, template, operation, shared = found
    here = f"/paths/{escape(template)}/{method.lower()}"
    if request["method"] != method:
        problems.append(f"sent {request['method']}, the spec says {method}")
    if sent_template(request) != template:
        problems.append(f"sent to {sent_template(request)}, the spec's path is {template}")

    parameters = [spec.resolve(p)[0] for p in shared + (operation.get("parameters") or [])]
    query_names = {p["name"] for p in parameters if p.get("in") == "query"}
    for pair in request["query"]:
        if pair["name"] not in query_names:
            problems.append(f"query parameter {pair['name']} is not declared")
    path_names = {p["name"] for p in parameters if p.get("in") == "path"}
    for name in request["path_params"]:
        if name not in path_names:
            problems.append(f"path parameter {name} is not declared")

    if request["body"] is not None:
        sent = media_type(request["content_type"])
        if operation.get("requestBody") is None:
            problems.append("the request has a body, the operation declares none")
        else:
            body, pointer = spec.resolve(operation["requestBody"], here + "/requestBody")
            content = body.get("content") or {}
            if sent not in content:
                problems.append(f"request body sent as {sent}; the operation takes {', '.join(content)}")
            elif "schema" in content[sent]:
                schema_pointer = f"{pointer}/content/{escape(sent)}/schema"
                errors = spec.errors(schema_pointer, request["body"])
                # A body the spec rejects is right only where Quay rejected it too (a 4xx).
                if not 400 <= response["status"] < 500:
                    problems.extend("request body " + describe(error) for error in errors)

    status = response["status"]
    responses = operation.get("responses") or {}
    key = next((k for k in (str(status), f"{status // 100}XX", "default") if k in responses), None)
    if 200 <= status < 300 and key != str(status):
        problems.append(f"answered {status}, which the spec does not list (it lists {', '.join(sorted(responses))})")
        return problems
    if key is None:
        problems.append(f"answered {status}, which the spec does not list and no default covers")
        return problems
    documented, pointer = spec.resolve(responses[key], f"{here}/responses/{escape(key)}")
    content = documented.get("content") or {}
    received = media_type(response["headers"].get("Content-Type"))
    empty = response["body"] is None or response["body"] == ""
    if not content:
        if not empty:
            problems.append(f"answered {status} with a body; the spec documents none")
        return problems
    if received not in content:
        if empty:
            return problems
        problems.append(f"answered {status} as {received}; the spec documents {', '.join(content)}")
        return problems
    if "schema" not in content[received]:
        problems.append(f"the {status} {received} response has no schema")
        return problems
    if response["body_truncated"] and isinstance(response["body"], str) and received == "application/json":
        return problems  # JSON cut mid-text (discovery's 255 KB document): not checkable
    if response["body_is_json"]:
        instance = response["body"]
    else:
        instance = response["body"] or ""
    for error in spec.errors(f"{pointer}/content/{escape(received)}/schema", instance):
        problems.append(f"the {status} body " + describe(error))
    return problems


def sent_template(request):
    """The path template the request really went to: a `-real` exchange that added a trailing
    slash records the old template beside the corrected path."""
    template = request["path_template"]
    if request["path"].endswith("/") and not template.endswith("/"):
        return template + "/"
    return template


def accepted_credentials(spec, exchange):
    """Whether the request's credentials meet one of the operation's security alternatives."""
    found = spec.operations.get(exchange["operationId"])
    if found is None:
        return True
    operation = found[2]
    requirements = operation.get("security", spec.document.get("security") or [])
    if not requirements or any(not alternative for alternative in requirements):
        return True
    token = exchange["request"]["token"]
    if token is None:
        return False
    schemes = spec.document["components"]["securitySchemes"]
    for alternative in requirements:
        def met(name, scopes):
            scheme = schemes[name]
            if scheme.get("type") == "http" and scheme.get("scheme", "").lower() == "basic":
                return token["alias"].startswith("basic:")
            return not token["alias"].startswith("basic:") and set(scopes) <= set(token["scopes"])
        if all(met(name, scopes) for name, scopes in alternative.items()):
            return True
    return False


def skip_reason(spec, exchange):
    """Why an exchange cannot be held against the spec, or None."""
    request, response = exchange["request"], exchange["response"]
    if response["status"] == 0:
        return "no answer: " + str(response["body"])[:90]
    if response["status"] in (301, 302, 307, 308):
        return f"Quay redirected {request['path']} ({response['status']}): the route has a trailing slash"
    html = media_type(response["headers"].get("Content-Type")) == "text/html"
    if html and 400 <= response["status"] < 500 and not accepted_credentials(spec, exchange):
        return (f"Quay's HTML {response['status']} page (its CSRF check) for a call without the credentials "
                "the spec now requires: evidence for the spec's fix")
    if html and response["status"] == 404:
        return "Flask's HTML 404 page: this Quay process does not serve the route (the /v2 registry API runs elsewhere)"
    return None


def example_problems(spec):
    """Every `example` of a request or response body in the spec must validate against its
    schema: they are recorded answers, and docs and quay-mock show them."""
    problems = []
    for template, item in (spec.document.get("paths") or {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            here = f"/paths/{escape(template)}/{method}"
            places = [(f"{here}/responses/{escape(str(status))}", response)
                      for status, response in (operation.get("responses") or {}).items()]
            if operation.get("requestBody"):
                places.append((f"{here}/requestBody", operation["requestBody"]))
            for pointer, node in places:
                for media, content in (node.get("content") or {}).items():
                    if "example" in content and "schema" in content:
                        for error in spec.errors(f"{pointer}/content/{escape(media)}/schema", content["example"]):
                            problems.append(f"{operation.get('operationId')}: the example {describe(error)}")
    return problems


def main():
    spec_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "spec", "quay.yaml")
    folder = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "exchanges")
    classes = {}
    with open(os.path.join(os.path.dirname(folder.rstrip("/")), "summary.tsv"), encoding="utf-8") as handle:
        for line in handle.read().splitlines()[1:]:
            fields = line.split("\t")
            classes[fields[0]] = fields[4]
    spec = Spec(spec_path)
    files = sorted(glob.glob(os.path.join(folder, "*.json")))
    failed, skipped, passed = [], [], 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            exchange = json.load(handle)
        reason = skip_reason(spec, exchange)
        if reason:
            skipped.append((exchange["file"], classes.get(exchange["operationId"], "?"), reason))
            continue
        problems = check(spec, exchange)
        if problems:
            failed.append((exchange["file"], classes.get(exchange["operationId"], "?"), problems))
        else:
            passed += 1
    for name, klass, problems in failed:
        print(f"FAIL {name} ({klass})")
        for problem in problems:
            print(f"     {problem}")
    for name, klass, reason in skipped:
        print(f"skip {name} ({klass}): {reason}")
    examples = example_problems(spec)
    for problem in examples:
        print(f"FAIL {problem}")
    print(f"{len(files)} exchanges: {passed} agree with the spec, {len(failed)} do not, {len(skipped)} skipped; "
          f"{len(examples)} examples in the spec do not validate")
    return 1 if failed or examples else 0


if __name__ == "__main__":
    sys.exit(main())
