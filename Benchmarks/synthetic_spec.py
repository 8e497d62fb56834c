#!/usr/bin/env python3
"""Writes a synthetic OpenAPI 3.1 document with N operations and realistic schemas.

  python3 Benchmarks/synthetic_spec.py 1000 > /tmp/spec-1000.yaml

Every resource has four operations (list with paging and filters, get, create, update), a
model with a dozen properties of every common kind (strings with formats, integers, numbers,
booleans, enums, nested objects, arrays of shared types, nullable fields), and a create body.
Resources are grouped ten to a tag; the error schema and a few types are shared.
"""
import sys

def resource(i):
    return f"""  /resources{i}:
    get:
      tags: [group{i // 10}]
      operationId: listResources{i}
      summary: List resources of kind {i}.
      parameters:
        - {{name: page, in: query, schema: {{type: integer, minimum: 1, default: 1}}}}
        - {{name: limit, in: query, schema: {{type: integer, minimum: 1, maximum: 100, default: 50}}}}
        - {{name: status, in: query, schema: {{$ref: '#/components/schemas/Status'}}}}
        - {{name: tag, in: query, explode: true, schema: {{type: array, items: {{type: string}}}}}}
      responses:
        '200':
          description: A page of resources.
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {{type: array, items: {{$ref: '#/components/schemas/Resource{i}'}}}}
                  page: {{type: integer}}
                  has_more: {{type: boolean}}
        default: {{$ref: '#/components/responses/Error'}}
    post:
      tags: [group{i // 10}]
      operationId: createResource{i}
      summary: Create a resource of kind {i}.
      requestBody:
        required: true
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/NewResource{i}'}}
      responses:
        '201':
          description: Created.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Resource{i}'}}
        '400': {{$ref: '#/components/responses/Error'}}
        default: {{$ref: '#/components/responses/Error'}}
  /resources{i}/{{id}}:
    parameters:
      - {{name: id, in: path, required: true, schema: {{type: string, format: uuid}}}}
    get:
      tags: [group{i // 10}]
      operationId: getResource{i}
      summary: Get one resource of kind {i}.
      parameters:
        - {{name: X-Request-ID, in: header, schema: {{type: string}}}}
      responses:
        '200':
          description: The resource.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Resource{i}'}}
        '404': {{$ref: '#/components/responses/Error'}}
        default: {{$ref: '#/components/responses/Error'}}
    put:
      tags: [group{i // 10}]
      operationId: updateResource{i}
      summary: Replace a resource of kind {i}.
      requestBody:
        required: true
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/NewResource{i}'}}
      responses:
        '200':
          description: The updated resource.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Resource{i}'}}
        default: {{$ref: '#/components/responses/Error'}}
"""

def schemas(i):
    return f"""    Resource{i}:
      type: object
      description: A resource of kind {i}.
      required: [id, name, status, created_at]
      properties:
        id: {{type: string, format: uuid, readOnly: true}}
        name: {{type: string, maxLength: 200}}
        description: {{type: [string, 'null']}}
        status: {{$ref: '#/components/schemas/Status'}}
        priority: {{type: integer, format: int32, minimum: 0, maximum: 10}}
        score: {{type: number, format: double}}
        enabled: {{type: boolean, default: true}}
        created_at: {{type: string, format: date-time}}
        owner: {{$ref: '#/components/schemas/Owner'}}
        labels: {{type: object, additionalProperties: {{type: string}}}}
        tags: {{type: array, items: {{$ref: '#/components/schemas/Tag'}}}}
        kind{i}:
          type: string
          enum: [alpha, beta, gamma]
        settings:
          type: object
          properties:
            retries: {{type: integer}}
            timeout_seconds: {{type: number}}
            notify: {{type: boolean}}
    NewResource{i}:
      type: object
      required: [name]
      properties:
        name: {{type: string}}
        description: {{type: string}}
        status: {{$ref: '#/components/schemas/Status'}}
        priority: {{type: integer}}
        labels: {{type: object, additionalProperties: {{type: string}}}}
        tags: {{type: array, items: {{$ref: '#/components/schemas/Tag'}}}}
"""

def main():
    operations = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    count = max(1, operations // 4)
    out = sys.stdout
    out.write(f"""openapi: 3.1.0
info:
  title: Synthetic {operations}
  version: 1.0.0
  description: A synthetic API with {count * 4} operations, made by Benchmarks/synthetic_spec.py.
servers:
  - url: https://api.example.com
security:
  - bearer: []
paths:
""")
    for i in range(count):
        out.write(resource(i))
    out.write("""components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
  responses:
    Error:
      description: An error.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Error'}
  schemas:
    Error:
      type: object
      required: [code, message]
      properties:
        code: {type: integer}
        message: {type: string}
        details: {type: array, items: {type: string}}
    Status:
      type: string
      enum: [active, paused, deleted]
    Owner:
      type: object
      required: [id]
      properties:
        id: {type: string}
        email: {type: string, format: email}
        display_name: {type: string}
    Tag:
      type: object
      properties:
        key: {type: string}
        value: {type: string}
""")
    for i in range(count):
        out.write(schemas(i))

if __name__ == "__main__":
    main()
