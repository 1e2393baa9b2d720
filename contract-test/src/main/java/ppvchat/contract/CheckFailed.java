package ppvchat.contract;

/** A check that found the server off the contract; the message is the one-line reason printed after FAIL. */
final class CheckFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CheckFailed(String reason) {
        super(reason, null, false, false);
    }
}
