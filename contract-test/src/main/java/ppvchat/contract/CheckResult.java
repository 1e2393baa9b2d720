package ppvchat.contract;

/** One check's outcome: what was checked, whether the server did what the contract says, and why not. */
record CheckResult(String name, boolean passed, String reason) {

    String line() {
        return (passed ? "PASS " : "FAIL ") + name + (reason == null || reason.isEmpty() ? "" : " — " + reason);
    }
}
