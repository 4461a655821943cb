package org.umlmanager.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The classes the service's API is made of: every type in the public signatures of the public
 * classes of {@code org.umlmanager.service}, and, for each of those from our own code, the types
 * of its public signatures and fields and its permitted subtypes, transitively (a {@code
 * GuestEvent} brings {@code GuestEvent.StateChanged} and the {@code GuestSnapshot} it carries).
 * Behaviour that is not handed out by the service — a parser, a merge — is not in it; nor is the
 * class a value is nested in ({@code HostCheck.Missing} is a value, {@code HostCheck} the check
 * the service runs).
 */
final class ServiceVocabulary {

    private ServiceVocabulary() {
    }

    static Set<JavaClass> of(JavaClasses classes) {
        Set<JavaClass> vocabulary = new HashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().equals("org.umlmanager.service") && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                signatures(c, todo);
            }
        }
        while (!todo.isEmpty()) {
            JavaClass c = todo.pop();
            if (!c.getName().startsWith("org.umlmanager.") || c.getPackageName().startsWith("org.umlmanager.ui")
                    || !vocabulary.add(c)) {
                continue;
            }
            signatures(c, todo);
            todo.addAll(c.getAllSubclasses());
        }
        return vocabulary;
    }

    private static void signatures(JavaClass c, Deque<JavaClass> todo) {
        for (JavaCodeUnit unit : c.getCodeUnits()) {
            if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                todo.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                unit.getParameterTypes().forEach(t -> todo.addAll(t.getAllInvolvedRawTypes()));
            }
        }
        for (JavaField field : c.getFields()) {
            if (field.getModifiers().contains(JavaModifier.PUBLIC) || c.isRecord()) {
                todo.addAll(field.getType().getAllInvolvedRawTypes());
            }
        }
    }
}
