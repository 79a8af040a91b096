package dev.eventcontracts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Boundaries between modules that the build enforces, on every module's compiled classes. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN = Modules.mainClasses();

    /** The packages of contracts-core. */
    private static final String[] CORE = {
        "dev.eventcontracts.schema..", "dev.eventcontracts.compat..", "dev.eventcontracts.contracts.."
    };

    @Test
    void noModule_usesAnotherModulesInternalPackages() {
        ArchRule rule = ArchRuleDefinition.classes()
                .should(new ArchCondition<JavaClass>("use no internal package of another module") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> module = Modules.moduleOf(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            Optional<String> targetModule = Modules.moduleOf(target);
                            if (target.getPackageName().contains(".internal")
                                    && targetModule.isPresent()
                                    && !Objects.equals(module, targetModule)) {
                                events.add(SimpleConditionEvent.violated(
                                        origin,
                                        origin.getName() + " (module "
                                                + module.orElse("?") + ") uses " + target.getName() + " of module "
                                                + targetModule.get() + "'s internal package: "
                                                + dependency.getDescription()));
                            }
                        }
                    }
                });

        rule.check(Modules.allClasses());
    }

    @Test
    void core_importsNoHttpKafkaServerOrOtherModuleClass() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.net.http..",
                        "javax.net..",
                        "java.nio.channels..",
                        "org.apache.kafka..",
                        "org.eclipse.jetty..",
                        "io.javalin..",
                        "jakarta.servlet..",
                        "com.github.benmanes..",
                        "dev.eventcontracts.client..",
                        "dev.eventcontracts.serde..",
                        "dev.eventcontracts.server..",
                        "dev.eventcontracts.maven..",
                        "dev.eventcontracts.devstack..",
                        "dev.eventcontracts.orders..")
                .because("contracts-core is the pure core: the schema model, the engine and the contract model, "
                        + "with Avro and Jackson only");

        rule.check(MAIN);
    }

    @Test
    void core_doesNoNetworkIo() {
        DescribedPredicate<JavaClass> network = DescribedPredicate.describe(
                "network classes",
                c -> c.getPackageName().equals("java.net")
                        && !c.getSimpleName().equals("URL")
                        && !c.getSimpleName().equals("URI")
                        && !c.getSimpleName().startsWith("URLEncoder")
                        && !c.getSimpleName().startsWith("URLDecoder"));
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat(network)
                .because("contracts-core reads files and class-path resources, never the network");

        rule.check(MAIN);
    }

    @Test
    void clientSideJars_dependOnNoServerPluginOrTestKit() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.eventcontracts.schema..",
                        "dev.eventcontracts.compat..",
                        "dev.eventcontracts.contracts..",
                        "dev.eventcontracts.client..",
                        "dev.eventcontracts.serde..",
                        "dev.eventcontracts.orders..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.eventcontracts.server..",
                        "dev.eventcontracts.maven..",
                        "dev.eventcontracts.devstack..",
                        "org.junit..")
                .because("services import these jars: they carry no server, build plugin or test kit");

        rule.check(MAIN);
    }
}
