package ppvchat.paypaldouble;

import jakarta.json.JsonObject;

/** A refusal that the HTTP layer turns into PayPal's error body. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String name;
    private final String issue;
    private final String field;

    private ApiError(int status, String name, String issue, String field, String description) {
        super(description);
        this.status = status;
        this.name = name;
        this.issue = issue;
        this.field = field;
    }

    static ApiError invalidRequest(String issue, String field, String description) {
        return new ApiError(400, "INVALID_REQUEST", issue, field, description);
    }

    static ApiError unprocessable(String issue, String field, String description) {
        return new ApiError(422, "UNPROCESSABLE_ENTITY", issue, field, description);
    }

    static ApiError notFound(String description) {
        return new ApiError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", null, description);
    }

    static ApiError validation(String field, String description) {
        return new ApiError(400, "VALIDATION_ERROR", "MISSING_REQUIRED_PARAMETER", field, description);
    }

    static ApiError authentication() {
        return new ApiError(
                401,
                "AUTHENTICATION_FAILURE",
                "INVALID_ACCESS_TOKEN",
                null,
                "The access token is missing, unknown or expired.");
    }

    static ApiError malformedJson() {
        return invalidRequest("MALFORMED_REQUEST_JSON", null, "The request JSON is not well formed.");
    }

    static ApiError internal() {
        return new ApiError(500, "INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR", null, "The double failed.");
    }

    /** What a scripted failure answers: the name PayPal uses for that status. */
    static ApiError scripted(int status) {
        String name =
                switch (status) {
                    case 400 -> "INVALID_REQUEST";
                    case 401 -> "AUTHENTICATION_FAILURE";
                    case 403 -> "NOT_AUTHORIZED";
                    case 404 -> "RESOURCE_NOT_FOUND";
                    case 409 -> "RESOURCE_CONFLICT";
                    case 422 -> "UNPROCESSABLE_ENTITY";
                    case 429 -> "RATE_LIMIT_REACHED";
                    case 503 -> "SERVICE_UNAVAILABLE";
                    default -> "INTERNAL_SERVER_ERROR";
                };
        return new ApiError(status, name, name, null, "Failure scripted by the test.");
    }

    int status() {
        return status;
    }

    JsonObject toJson() {
        var detail = JsonSupport.object();
        JsonSupport.addIfPresent(detail, "field", field);
        if (field != null) {
            detail.add("location", "body");
        }
        detail.add("issue", issue).add("description", getMessage());
        return JsonSupport.object()
                .add("name", name)
                .add("message", messageFor(name))
                .add("debug_id", Ids.debugId())
                .add("details", JsonSupport.array().add(detail))
                .build();
    }

    private static String messageFor(String name) {
        return switch (name) {
            case "INVALID_REQUEST" -> "Request is not well-formed, syntactically incorrect, or violates schema.";
            case "UNPROCESSABLE_ENTITY" -> "The requested action could not be performed, semantically incorrect, "
                    + "or failed business validation.";
            case "RESOURCE_NOT_FOUND" -> "The specified resource does not exist.";
            case "VALIDATION_ERROR" -> "Invalid request - see details";
            case "AUTHENTICATION_FAILURE" -> "Authentication failed due to invalid authentication credentials "
                    + "or a missing Authorization header.";
            case "SERVICE_UNAVAILABLE" -> "Service Unavailable.";
            case "RATE_LIMIT_REACHED" -> "Too many requests. Blocked due to rate limiting.";
            case "NOT_AUTHORIZED" -> "Authorization failed due to insufficient permissions.";
            case "RESOURCE_CONFLICT" -> "The server has detected a conflict while processing this request.";
            default -> "An internal server error has occurred.";
        };
    }
}
