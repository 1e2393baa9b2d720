package ppvchat.external.control;

/** The webmaster's server answered 2xx with a body that does not follow the contract. */
public class ExternalAnswerInvalid extends ExternalCallFailed {

    private static final long serialVersionUID = 1L;

    public ExternalAnswerInvalid(String call, String problem) {
        super(call, call + " answered outside the contract: " + problem);
    }
}
