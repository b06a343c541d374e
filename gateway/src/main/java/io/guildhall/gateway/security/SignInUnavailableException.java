package io.guildhall.gateway.security;

/**
 * Keycloak did not answer when a session's access token had to be refreshed: the person's sign-in cannot be renewed
 * right now. Not the called service's failure, so it never counts against that service's circuit breaker.
 */
public class SignInUnavailableException extends RuntimeException {

    public SignInUnavailableException(Throwable cause) {
        super("Keycloak did not answer when the session's token had to be refreshed: " + cause, cause);
    }
}
