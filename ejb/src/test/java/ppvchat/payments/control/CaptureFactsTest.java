package ppvchat.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CaptureFactsTest {

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @Test
    void aWebhooksCaptureNamesItsAmountPayeeReferenceAndOrder() {
        CaptureFacts facts = CaptureFacts.ofCapture(json("{'id': '2GG279541U471931P', 'status': 'COMPLETED',"
                + " 'amount': {'currency_code': 'USD', 'value': '10.00'}, 'custom_id': 'ppv:1:2:3:x',"
                + " 'payee': {'email_address': 'Shop@Example.com', 'merchant_id': 'ABCDEFGH12'},"
                + " 'supplementary_data': {'related_ids': {'order_id': '5O190127TN364715T'}}}"));

        assertEquals("2GG279541U471931P", facts.captureId());
        assertEquals(new BigDecimal("10.00"), facts.amount());
        assertEquals("USD", facts.currency());
        assertEquals("5O190127TN364715T", facts.paypalOrderId());
        assertNull(facts.missing());
        assertTrue(facts.paidTo("shop@example.com"), "emails compare without case");
        assertTrue(facts.paidTo("ABCDEFGH12"));
        assertFalse(facts.paidTo("other@example.com"));
    }

    @Test
    void anOrderGivesItsFirstCaptureWithThePurchaseUnitsPayeeAndCustomId() {
        CaptureFacts facts = CaptureFacts.ofOrder(json("{'id': '5O190127TN364715T', 'status': 'COMPLETED',"
                + " 'purchase_units': [{'custom_id': 'ppv:1:2:3:x', 'payee': {'email_address': 'shop@example.com'},"
                + " 'payments': {'captures': [{'id': '2GG279541U471931P', 'status': 'PENDING',"
                + " 'amount': {'currency_code': 'EUR', 'value': '5.5'}}]}}]}"));

        assertEquals("PENDING", facts.status());
        assertEquals("ppv:1:2:3:x", facts.customId());
        assertEquals(new BigDecimal("5.5"), facts.amount());
        assertEquals("shop@example.com", facts.payeeEmail());
        assertEquals("5O190127TN364715T", facts.paypalOrderId());
    }

    @Test
    void whatIsMissingOrMistypedIsSaidNeverThrown() {
        assertEquals("no capture id", CaptureFacts.ofOrder(json("{'id': 'X'}")).missing());
        assertEquals("no capture id", CaptureFacts.ofCapture(json("{'id': 5}")).missing());
        assertEquals(
                "no status",
                CaptureFacts.ofCapture(json("{'id': '2GG279541U471931P'}")).missing());
        assertEquals(
                "no amount",
                CaptureFacts.ofCapture(json("{'id': '2GG279541U471931P', 'status': 'COMPLETED',"
                                + " 'amount': {'currency_code': 'USD', 'value': '1e9'}}"))
                        .missing());
        assertEquals(
                "no amount",
                CaptureFacts.ofCapture(json("{'id': '2GG279541U471931P', 'status': 'COMPLETED', 'amount': []}"))
                        .missing());
    }

    @Test
    void aRefundNamesTheCaptureItReturnsThroughItsUpLink() {
        ReturnFacts refund = ReturnFacts.of(json("{'id': '1JU08902781691411', 'amount': {'value': '10.00',"
                + " 'currency_code': 'USD'}, 'links': [{'rel': 'self', 'href': 'https://api/v2/payments/refunds/1JU'},"
                + " {'rel': 'up', 'href': 'https://api/v2/payments/captures/2GG279541U471931P'}]}"));

        assertEquals("2GG279541U471931P", refund.captureId());
        assertNull(refund.missing());
        assertEquals(
                "no capture it belongs to",
                ReturnFacts.of(json("{'id': 'R', 'amount': {'value': '1.00'}}")).missing());
    }
}
