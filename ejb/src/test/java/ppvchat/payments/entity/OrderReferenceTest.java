package ppvchat.payments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderReferenceTest {

    @Test
    void aCustomIdNamesSiteBuyerPackageAndOrder() {
        var reference = new OrderReference(1, 42, 3, "0f8fad5b-d9cb-469f-a165-70867728950e");

        assertEquals("ppv:1:42:3:0f8fad5b-d9cb-469f-a165-70867728950e", reference.customId());
        assertEquals(Optional.of(reference), OrderReference.parse(reference.customId()));
    }

    @Test
    void anythingElseIsNotOneOfOurOrders() {
        for (String customId : Arrays.asList(
                null,
                "",
                "ppv:1:42:3",
                "ppv:x:42:3:0f8fad5b-d9cb-469f-a165-70867728950e",
                "ppv:1:42:3:0f8fad5b-d9cb-469f-a165-70867728950e:extra",
                "other:1:42:3:0f8fad5b-d9cb-469f-a165-70867728950e")) {
            assertTrue(OrderReference.parse(customId).isEmpty(), String.valueOf(customId));
        }
    }
}
