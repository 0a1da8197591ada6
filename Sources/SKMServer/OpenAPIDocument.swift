/// The OpenAPI 3 document served at `GET /openapi.yaml`, compiled in so the binary needs no
/// resource files. This string is the source; `docs/openapi.yaml` is its copy in the repo,
/// written by `skm serve --print-openapi > docs/openapi.yaml`. Tests fail when the copy is
/// stale or when a registered route is missing from the document.
public enum OpenAPIDocument {
    public static let yaml = #"""
openapi: 3.0.3
info:
  title: skm HTTP API
  version: "1.0"
  description: |
    Survey (SKM) responses and service transactions in; IKM (PermenPANRB 14/2017), turnaround
    compliance and evaluation reports out. Served by `skm serve`, which also serves this
    document at GET /openapi.yaml.

    Authentication: `Authorization: Bearer <token>`, tokens made with
    `skm token create --agency X --role officer|reader`. A token sees only its own agency;
    a reader token cannot write. When an agency's kiosk is open (`skm token kiosk --agency X
    --open`), single survey responses and the agency's service list need no token; those
    submissions are rate-limited per agency and client address (429 with Retry-After).

    Errors are `application/problem+json` (RFC 9457) with the offending input named in
    `field` (a JSON path such as `answers[3]` or `responses[2].date`, or a query parameter).
    Every response carries `X-Request-Id` (the caller's, when sane, else a new one).
    Bodies above 1 MiB (JSON) or 20 MiB (CSV) are refused with 413. A batch is stored whole
    or not at all. CSV uploads go through the same importer as `skm import` (comma or
    semicolon, Indonesian column names and answer labels); good rows load, bad rows are
    listed as rejects. Compliance and reports answer 409 when the holiday calendar of a
    year they need is not loaded.
servers:
  - url: http://127.0.0.1:8080
security:
  - bearer: []
paths:
  /health:
    get:
      summary: Liveness
      security: []
      responses:
        "200":
          description: The process is serving.
          content:
            application/json:
              schema: {type: object, properties: {status: {type: string, example: ok}}}
  /ready:
    get:
      summary: Readiness (store open, catalog loaded)
      security: []
      responses:
        "200":
          description: Ready.
          content:
            application/json:
              schema: {type: object, properties: {status: {type: string}, agencies: {type: integer}}}
        "503": {$ref: "#/components/responses/Problem"}
  /openapi.yaml:
    get:
      summary: This document
      security: []
      responses:
        "200":
          description: The OpenAPI document.
          content:
            application/yaml: {}
  /v1/catalog:
    get:
      summary: The token's agency with its services
      responses:
        "200":
          description: Catalog.
          content:
            application/json:
              schema:
                type: object
                properties:
                  agencies: {type: array, items: {$ref: "#/components/schemas/Agency"}}
        "401": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}:
    get:
      summary: One agency and its services (no token needed when its kiosk is open)
      parameters: [{$ref: "#/components/parameters/agency"}]
      responses:
        "200":
          description: Agency.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Agency"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/responses:
    post:
      summary: Post one survey response (officer token, or none when the kiosk is open)
      parameters: [{$ref: "#/components/parameters/agency"}]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/ResponseInput"}
      responses:
        "201": {$ref: "#/components/responses/Receipt"}
        "200": {$ref: "#/components/responses/Receipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
        "429": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/responses/batch:
    post:
      summary: Post survey responses, all or nothing (officer token)
      parameters: [{$ref: "#/components/parameters/agency"}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [responses]
              properties:
                responses: {type: array, items: {$ref: "#/components/schemas/ResponseInput"}}
      responses:
        "201": {$ref: "#/components/responses/Receipt"}
        "200": {$ref: "#/components/responses/Receipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/responses/csv:
    post:
      summary: Upload a survey CSV (officer token; answers 1-4 or the questionnaire labels)
      parameters:
        - {$ref: "#/components/parameters/agency"}
        - {$ref: "#/components/parameters/filename"}
        - {$ref: "#/components/parameters/csvService"}
        - {$ref: "#/components/parameters/layout"}
        - {$ref: "#/components/parameters/dateOrder"}
        - {$ref: "#/components/parameters/strict"}
        - {$ref: "#/components/parameters/replace"}
      requestBody:
        required: true
        content:
          text/csv: {schema: {type: string}}
      responses:
        "201": {$ref: "#/components/responses/CSVReceipt"}
        "200": {$ref: "#/components/responses/CSVReceipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "415": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/transactions:
    post:
      summary: Post one service transaction (officer token)
      parameters: [{$ref: "#/components/parameters/agency"}]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/TransactionInput"}
      responses:
        "201": {$ref: "#/components/responses/Receipt"}
        "200": {$ref: "#/components/responses/Receipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/transactions/batch:
    post:
      summary: Post service transactions, all or nothing (officer token)
      parameters: [{$ref: "#/components/parameters/agency"}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [transactions]
              properties:
                transactions: {type: array, items: {$ref: "#/components/schemas/TransactionInput"}}
      responses:
        "201": {$ref: "#/components/responses/Receipt"}
        "200": {$ref: "#/components/responses/Receipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/transactions/csv:
    post:
      summary: Upload a transaction register CSV (officer token)
      parameters:
        - {$ref: "#/components/parameters/agency"}
        - {$ref: "#/components/parameters/filename"}
        - {$ref: "#/components/parameters/csvService"}
        - {$ref: "#/components/parameters/layout"}
        - {$ref: "#/components/parameters/dateOrder"}
        - {$ref: "#/components/parameters/strict"}
        - {$ref: "#/components/parameters/replace"}
      requestBody:
        required: true
        content:
          text/csv: {schema: {type: string}}
      responses:
        "201": {$ref: "#/components/responses/CSVReceipt"}
        "200": {$ref: "#/components/responses/CSVReceipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "415": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/transactions/{id}:
    patch:
      summary: Record that an open transaction was finished (officer token)
      parameters:
        - {$ref: "#/components/parameters/agency"}
        - {name: id, in: path, required: true, schema: {$ref: "#/components/schemas/Id"}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [finished_at]
              properties:
                finished_at: {type: string, format: date-time, example: "2024-03-05T10:00:00+07:00"}
      responses:
        "200": {$ref: "#/components/responses/Receipt"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/ikm:
    get:
      summary: IKM per service and overall for a period
      parameters:
        - {$ref: "#/components/parameters/agency"}
        - {$ref: "#/components/parameters/period"}
        - {$ref: "#/components/parameters/service"}
        - {$ref: "#/components/parameters/method"}
        - {$ref: "#/components/parameters/weights"}
        - {name: population, in: query, description: Population for the sample check instead of the period's transactions., schema: {type: integer, minimum: 1, maximum: 9223372036854775807}}
      responses:
        "200":
          description: IKM figures (the same as in the JSON report).
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Figures"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/compliance:
    get:
      summary: Turnaround against the promised completion time, per service and overall
      parameters:
        - {$ref: "#/components/parameters/agency"}
        - {$ref: "#/components/parameters/period"}
        - {$ref: "#/components/parameters/service"}
        - {$ref: "#/components/parameters/asOf"}
      responses:
        "200":
          description: Compliance figures.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Figures"}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
  /v1/agencies/{agency}/report:
    get:
      summary: Generate the evaluation report and download it
      parameters:
        - {$ref: "#/components/parameters/agency"}
        - {$ref: "#/components/parameters/period"}
        - {$ref: "#/components/parameters/method"}
        - {$ref: "#/components/parameters/weights"}
        - {$ref: "#/components/parameters/asOf"}
        - {name: format, in: query, schema: {type: string, enum: [json, xlsx], default: json}}
        - {name: for_publication, in: query, schema: {type: boolean, default: false}}
        - {name: lang, in: query, description: Workbook language., schema: {type: string, enum: [id, en], default: id}}
      responses:
        "200":
          description: The report file, named `<agency>_<period>.<ext>` in Content-Disposition.
          content:
            application/json: {}
            application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: {}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
  parameters:
    agency: {name: agency, in: path, required: true, schema: {type: string}, example: bengkulu-selatan}
    period:
      name: period
      in: query
      required: true
      description: 2025-03, 2024-Q3, 2024-S1, 2024, or 2024-01-01..2024-03-31 (local days of the agency); or previous-|current-month, -quarter, -semester, -year, resolved on the agency's local day (the response's period is the concrete one).
      schema:
        type: string
        pattern: '^((19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2]|[QqTt][1-4]|[Ss][12]))?|(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\.\.(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])|(previous|current)-(month|quarter|semester|year))$'
    service: {name: service, in: query, schema: {type: string}}
    method: {name: method, in: query, schema: {type: string, enum: [permenpanrb-14-2017, kepmenpan-25-2004]}}
    weights: {name: weights, in: query, schema: {type: string, enum: [exact, "0.111", "0.11"]}}
    asOf:
      name: as_of
      in: query
      description: Judge open transactions as of the end of this local day (YYYY-MM-DD) or an ISO 8601 time with offset; default now.
      schema:
        type: string
        pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9]))?$'
    filename: {name: filename, in: query, description: Name the batch and its rejects are filed under., schema: {type: string}}
    csvService: {name: service, in: query, description: Service code for files without a service column., schema: {type: string}}
    layout: {name: layout, in: query, schema: {type: string, enum: [regulation, sample-form, kepmenpan-2004]}}
    dateOrder: {name: date_order, in: query, description: "dmy (31/12/2024, default) or mdy.", schema: {type: string, enum: [dmy, mdy]}}
    strict: {name: strict, in: query, description: Store nothing when any row is rejected., schema: {type: boolean, default: false}}
    replace: {name: replace, in: query, description: Overwrite stored rows whose id has different content., schema: {type: boolean, default: false}}
  responses:
    Problem:
      description: An RFC 9457 problem.
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    Receipt:
      description: What was stored (201 when anything new was inserted, 200 when all was already there).
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Receipt"}
    CSVReceipt:
      description: What a CSV upload stored and rejected.
      content:
        application/json:
          schema:
            type: object
            properties:
              batch: {type: integer}
              file: {type: string}
              counts:
                type: object
                properties:
                  read: {type: integer}
                  inserted: {type: integer}
                  unchanged: {type: integer}
                  updated: {type: integer}
                  rejected: {type: integer}
              conflicts: {type: integer}
              rejects:
                type: array
                items:
                  type: object
                  properties:
                    file: {type: string}
                    line: {type: integer}
                    column: {type: string, nullable: true}
                    value: {type: string, nullable: true}
                    reason: {type: string}
                    agency: {type: string, nullable: true}
                    position: {type: integer, nullable: true, description: The column's 1-based position in the file.}
              rejects_not_listed: {type: integer}
              dropped_columns: {type: array, items: {type: string}}
              ignored_columns: {type: array, items: {type: string}}
  schemas:
    Id:
      type: string
      description: 1-64 characters without spaces or control characters, as registers and kiosks make them; a response's id is generated when absent (send one so a retry is recognised).
      minLength: 1
      maxLength: 64
      pattern: '^[^\u0000-\u0020\u007F]+$'
    Problem:
      type: object
      required: [type, title, status, detail, field]
      properties:
        type:
          type: string
          enum: [/problems/malformed-request, /problems/invalid-parameter, /problems/invalid-field,
                 /problems/unauthenticated, /problems/forbidden, /problems/not-found, /problems/no-route,
                 /problems/method-not-allowed, /problems/conflict, /problems/body-too-large,
                 /problems/unsupported-media-type, /problems/rate-limited,
                 /problems/unavailable, /problems/internal-error]
        title: {type: string}
        status: {type: integer}
        detail: {type: string}
        field: {type: string, nullable: true, example: "answers[3]"}
        request_id: {type: string}
    ResponseInput:
      type: object
      required: [service, date, answers]
      properties:
        id: {$ref: "#/components/schemas/Id"}
        service: {type: string, minLength: 1}
        date: {type: string, format: date}
        answers:
          type: array
          description: One per unsur, in the layout's question order; 1-4 or null.
          items: {type: integer, minimum: 1, maximum: 4, nullable: true}
        method: {type: string, enum: [permenpanrb-14-2017, kepmenpan-25-2004]}
        layout: {type: string, enum: [regulation, sample-form, kepmenpan-2004]}
        profile:
          type: object
          properties:
            gender: {type: string, enum: [L, P]}
            age: {type: integer, minimum: 10, maximum: 120}
            education: {type: string, maxLength: 100}
            occupation: {type: string, maxLength: 100}
        saran: {type: string, maxLength: 2000}
        transaction_id: {$ref: "#/components/schemas/Id"}
    TransactionInput:
      type: object
      required: [id, service, received_at]
      properties:
        id: {$ref: "#/components/schemas/Id"}
        service: {type: string, minLength: 1}
        received_at: {type: string, format: date-time, description: ISO 8601 with an offset.}
        finished_at: {type: string, format: date-time}
        variant: {type: string, maxLength: 64}
        channel: {type: string, maxLength: 64}
        pauses:
          type: array
          items:
            type: object
            required: [start, end]
            properties:
              start: {type: string, format: date-time}
              end: {type: string, format: date-time}
    Receipt:
      type: object
      properties:
        batch: {type: integer}
        inserted: {type: integer}
        unchanged: {type: integer}
        updated: {type: integer}
        rows:
          type: array
          items:
            type: object
            properties:
              id: {type: string}
              outcome: {type: string, enum: [inserted, unchanged, updated]}
    Agency:
      type: object
      properties:
        code: {type: string}
        name: {type: string}
        region: {type: string}
        time_zone: {type: string, enum: [WIB, WITA, WIT]}
        decree_number: {type: string}
        decree_date: {type: string, format: date}
        kiosk_open: {type: boolean}
        services:
          type: array
          items:
            type: object
            properties:
              code: {type: string}
              name: {type: string}
              valid_from: {type: string, format: date}
              promise_text: {type: string}
              promise: {type: string, nullable: true}
              no_promise_reason: {type: string, nullable: true}
    Figures:
      type: object
      description: Agency, period and per-service figures; field names and meanings as in docs/report-schema.json.
      properties:
        agency: {type: string}
        period: {type: object}
        method: {type: object}
        overall: {type: object, nullable: true}
        services: {type: array, items: {type: object}}
"""#
}
