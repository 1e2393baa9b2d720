package ppvchat.paypaldouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenTest {

    private PaypalDouble paypal;
    private PaypalClient client;

    @BeforeEach
    void start() {
        paypal = PaypalDouble.start(new PaypalDouble.Settings(0, "id", "secret", "WH-1", null));
        client = new PaypalClient(paypal.baseUrl());
    }

    @AfterEach
    void stop() {
        paypal.close();
    }

    @Test
    void refusesWrongCredentials() {
        PaypalClient.Answer answer = client.token("id", "not-the-secret");

        assertEquals(401, answer.status());
        assertEquals("invalid_client", answer.json().getString("error"));
        assertEquals("Client Authentication failed", answer.json().getString("error_description"));
    }

    @Test
    void issuesBearerTokenThatOpensTheApi() {
        PaypalClient.Answer answer = client.token("id", "secret");

        assertEquals(200, answer.status());
        assertEquals("Bearer", answer.json().getString("token_type"));
        assertEquals(32400, answer.json().getInt("expires_in"));
        assertEquals("APP-PPVDOUBLE", answer.json().getString("app_id"));
        assertNotNull(answer.json().getString("access_token"));
        assertEquals(
                201, client.signIn("id", "secret").createOrder("5.00", null).status());
    }

    @Test
    void refusesApiCallsWithoutIssuedToken() {
        PaypalClient.Answer answer = client.createOrder("5.00", null);

        assertEquals(401, answer.status());
        assertEquals("AUTHENTICATION_FAILURE", answer.json().getString("name"));
        assertNotNull(answer.json().getString("debug_id"));
    }

    @Test
    void scriptedFailureAnswersWithoutIssuingToken() {
        paypal.failNext("token", 1, 503);

        PaypalClient.Answer failed = client.token("id", "secret");

        assertEquals(503, failed.status());
        assertEquals("SERVICE_UNAVAILABLE", failed.json().getString("name"));
        assertEquals(200, client.token("id", "secret").status());
    }
}
