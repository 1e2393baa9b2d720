package ppvchat.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The public JSON API lives under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {}
