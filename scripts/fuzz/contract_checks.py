"""Schemathesis checks of the exchange's contract (loaded through SCHEMATHESIS_HOOKS by scripts/fuzz.ts)."""
import schemathesis

ERROR_CODES = {
    400: {"validation_failed"},
    401: {"unauthenticated"},
    403: {"forbidden"},
    404: {"not_found"},
    409: {"conflict"},
    413: {"payload_too_large"},
    415: {"unsupported_media_type"},
    429: {"rate_limited"},
}


@schemathesis.check
def error_body_in_contract(ctx, response, case):
    """Every 4xx is {"error": {"code", "message", "details": [...]}} with the status's code."""
    status = response.status_code
    if not 400 <= status < 500:
        return None
    try:
        body = response.json()
    except Exception:
        raise AssertionError(f"{status} without a JSON body")
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        raise AssertionError(f"{status} body has no error object")
    if not isinstance(error.get("message"), str) or not isinstance(error.get("details"), list):
        raise AssertionError(f"{status} error lacks message or details")
    expected = ERROR_CODES.get(status)
    if expected is None or error.get("code") not in expected:
        raise AssertionError(f"{status} with error code {error.get('code')!r}")
    return None
