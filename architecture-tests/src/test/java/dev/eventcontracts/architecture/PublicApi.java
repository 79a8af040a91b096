package dev.eventcontracts.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public Java API of one module as text, one line per public type and per public or protected member of a
 * public type outside {@code internal} packages, sorted: what a service that imports the jar can use. Written with
 * reflection's generic signatures, so a changed parameter, return type, modifier or supertype is a changed line.
 */
final class PublicApi {

    private PublicApi() {}

    /**
     * Lists the API of a module's compiled classes.
     *
     * @param classes the module's {@code target/classes}
     * @return the sorted lines
     */
    static List<String> of(Path classes) {
        TreeSet<String> lines = new TreeSet<>();
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, PublicApi.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " from the test class path", e);
            }
            if (isApi(type)) {
                lines.add(describeType(type));
                for (Field f : type.getDeclaredFields()) {
                    if (visible(f) && !f.isSynthetic()) {
                        lines.add(type.getName() + " field " + f.toGenericString());
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (visible(c) && !c.isSynthetic()) {
                        lines.add(type.getName() + " constructor " + describe(c));
                    }
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                        lines.add(type.getName() + " method " + describe(m));
                    }
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static boolean isApi(Class<?> type) {
        if (type.getPackageName().contains(".internal")
                || type.isAnonymousClass()
                || type.isLocalClass()
                || type.isSynthetic()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String describeType(Class<?> type) {
        String kind = type.isAnnotation()
                ? "annotation"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        StringBuilder line = new StringBuilder(type.getName())
                .append(' ')
                .append(kind)
                .append(' ')
                .append(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC));
        if (type.getGenericSuperclass() != null
                && type.getSuperclass() != Object.class
                && !type.isEnum()
                && !type.isRecord()) {
            line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        String interfaces = String.join(
                ", ",
                Arrays.stream(type.getGenericInterfaces())
                        .map(java.lang.reflect.Type::getTypeName)
                        .toList());
        if (!interfaces.isEmpty()) {
            line.append(" implements ").append(interfaces);
        }
        return line.toString();
    }

    private static String describe(Executable executable) {
        // the JDK writes the declaring class into the signature; the line already starts with it
        return executable
                .toGenericString()
                .replace(executable.getDeclaringClass().getName() + ".", "");
    }

    private static List<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString())
                    .filter(f -> !f.endsWith("module-info.class") && !f.endsWith("package-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
