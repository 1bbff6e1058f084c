package dev.forgeflow.orchestrator.settings;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every setting Forgeflow has: the components of the {@code @ConfigurationProperties} records under
 * {@code forgeflow} in Forgeflow's packages, found on the class path, nested records included. A
 * component added to such a record is a known, bound and checked setting with nothing else to
 * change.
 *
 * @param roots the settings records and their prefixes
 * @param settings every setting, in record order
 */
record SettingsCatalogue(List<Root> roots, List<Setting> settings) {

  /** A settings record and the prefix it binds under. */
  record Root(String prefix, Class<?> type) {}

  private static final String PACKAGE = "dev.forgeflow";

  /** The catalogue of the settings records on the class path, found once. */
  static SettingsCatalogue get() {
    return Holder.CATALOGUE;
  }

  /** The setting a property name (or a constraint reported under a longer name) belongs to. */
  Optional<Setting> find(String property) {
    return settings.stream()
        .filter(s -> property.equals(s.property()) || property.startsWith(s.property() + "-"))
        .max(Comparator.comparingInt(s -> s.property().length()));
  }

  static SettingsCatalogue of(List<Root> roots) {
    List<Setting> settings = new ArrayList<>();
    for (Root root : roots) {
      add(root.prefix(), root.type(), settings);
    }
    return new SettingsCatalogue(List.copyOf(roots), List.copyOf(settings));
  }

  private static void add(String prefix, Class<?> type, List<Setting> settings) {
    for (RecordComponent component : type.getRecordComponents()) {
      String property = prefix + "." + dashed(component.getName());
      Class<?> value = component.getType();
      if (value.isRecord() && value.getName().startsWith(PACKAGE)) {
        add(property, value, settings);
      } else {
        settings.add(new Setting(property, component));
      }
    }
  }

  /** {@code maxReviewRounds} as {@code max-review-rounds}. */
  static String dashed(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static List<Root> scan() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    ClassLoader loader = SettingsCatalogue.class.getClassLoader();
    List<Root> roots = new ArrayList<>();
    for (BeanDefinition found : scanner.findCandidateComponents(PACKAGE)) {
      Class<?> type = ClassUtils.resolveClassName(found.getBeanClassName(), loader);
      ConfigurationProperties annotation =
          AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
      if (type.isRecord() && annotation != null) {
        String prefix = annotation.prefix();
        if (prefix.equals("forgeflow") || prefix.startsWith("forgeflow.")) {
          roots.add(new Root(prefix, type));
        }
      }
    }
    roots.sort(Comparator.comparing(Root::prefix));
    return roots;
  }

  private static final class Holder {
    static final SettingsCatalogue CATALOGUE = of(scan());
  }
}
