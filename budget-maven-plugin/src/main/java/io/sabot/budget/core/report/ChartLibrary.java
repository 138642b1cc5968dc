package io.sabot.budget.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * uPlot (MIT, github.com/leeoniya/uPlot), read from its webjar on the plugin's classpath so the
 * report can inline it: the page then opens offline and shows the exact library version the plugin
 * was built with.
 */
final class ChartLibrary {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String DIST = "META-INF/resources/webjars/uplot/%s/dist/";

    private static volatile ChartLibrary loaded;

    final String version;
    final String script;
    final String css;

    private ChartLibrary(String version, String script, String css) {
        this.version = version;
        this.script = script;
        this.css = css;
    }

    static ChartLibrary get() {
        ChartLibrary library = loaded;
        if (library == null) {
            library = load(ChartLibrary.class.getClassLoader());
            loaded = library;
        }
        return library;
    }

    static ChartLibrary load(ClassLoader loader) {
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar (org.webjars.npm:uplot) is not on the plugin's classpath;"
                        + " report.html cannot be written");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + POM_PROPERTIES + ": " + e.getMessage(), e);
        }
        String version = pom.getProperty("version");
        String dist = String.format(DIST, version);
        return new ChartLibrary(version, resource(loader, dist + "uPlot.iife.min.js"), resource(loader, dist + "uPlot.min.css"));
    }

    static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the plugin's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
