package ppvchat.demo.control;

import java.nio.charset.StandardCharsets;

/** Draws a demo performer's photo: their initials on a colour gradient, as SVG. */
final class DemoAvatar {

    private DemoAvatar() {}

    static byte[] of(String displayName, String fromColour, String toColour) {
        String initials = initialsOf(displayName);
        String svg =
                """
                <svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320">
                  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
                    <stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s"/>
                  </linearGradient></defs>
                  <rect width="320" height="320" fill="url(#g)"/>
                  <circle cx="160" cy="130" r="58" fill="rgba(255,255,255,0.85)"/>
                  <path d="M60 320 C60 230 260 230 260 320 Z" fill="rgba(255,255,255,0.85)"/>
                  <text x="160" y="148" font-family="sans-serif" font-size="48" font-weight="bold"
                        text-anchor="middle" fill="%s">%s</text>
                </svg>
                """
                        .formatted(fromColour, toColour, fromColour, initials);
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    private static String initialsOf(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("\\s+")) {
            char first = word.charAt(0);
            if (Character.isLetter(first) && Character.isUpperCase(first) && initials.length() < 2) {
                initials.append(first);
            }
        }
        return initials.toString();
    }
}
