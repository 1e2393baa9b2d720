/** Credit packages ({@code ppv_item}) and settled PayPal transactions ({@code ppv_paypal}). */
package ppvchat.payments.entity;
