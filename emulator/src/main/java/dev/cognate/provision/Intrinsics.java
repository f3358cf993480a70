package dev.cognate.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions over a template's values: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Select} and {@code Fn::Split}. A reference to a resource Cognate does not provision
 * (a Lambda function, a role) resolves to its logical id, or for {@code Arn} to an ARN built from it, so pools that
 * name their triggers still provision. Other functions ({@code Fn::If}, {@code Fn::ImportValue} ...) are {@link
 * Unresolved}.
 */
final class Intrinsics {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Template template;
  private final Map<String, String> pseudoParameters;
  private final Map<String, ProvisionedResource> provisioned;

  /** A value that uses a function Cognate does not evaluate; the message names it. */
  static final class Unresolved extends Exception {
    Unresolved(String message) {
      super(message);
    }
  }

  Intrinsics(Template template, Map<String, String> pseudoParameters, Map<String, ProvisionedResource> provisioned) {
    this.template = template;
    this.pseudoParameters = pseudoParameters;
    this.provisioned = provisioned;
  }

  /** The logical ids {@code value} refers to through Ref, GetAtt and Sub. */
  static Set<String> references(Object value) {
    Set<String> found = new LinkedHashSet<>();
    collect(value, found);
    return found;
  }

  private static void collect(Object value, Set<String> found) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get("Ref") instanceof String name) {
        found.add(name);
      } else if (map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> args && !args.isEmpty()) {
        found.add(String.valueOf(args.get(0)));
      } else if (map.size() == 1 && map.containsKey("Fn::Sub")) {
        Object sub = map.get("Fn::Sub");
        String text = sub instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(sub);
        Map<String, Object> local = sub instanceof List<?> l && l.size() > 1 ? TemplateParser.map(l.get(1)) : Map.of();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
          // ${!Name} is a literal and a name of the variable map is local: neither refers to a resource.
          if (!m.group(1).startsWith("!") && !local.containsKey(m.group(1))) {
            found.add(m.group(1).split("\\.", 2)[0]);
          }
        }
        collect(local, found);
      } else {
        map.values().forEach(v -> collect(v, found));
      }
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, found));
    }
  }

  Object resolve(Object value) throws Unresolved {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        String key = String.valueOf(only.getKey());
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return function(key, only.getValue());
        }
      }
      Map<String, Object> resolved = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        resolved.put(String.valueOf(entry.getKey()), resolve(entry.getValue()));
      }
      return resolved;
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>();
      for (Object item : list) {
        resolved.add(resolve(item));
      }
      return resolved;
    }
    return value;
  }

  private Object function(String name, Object argument) throws Unresolved {
    switch (name) {
      case "Ref":
        return ref(String.valueOf(resolve(argument)));
      case "Fn::GetAtt": {
        List<?> args = list(name, resolve(argument), 2);
        return getAtt(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
      }
      case "Fn::Sub":
        return sub(argument);
      case "Fn::Join": {
        List<?> args = list(name, resolve(argument), 2);
        List<String> parts = new ArrayList<>();
        for (Object part : list(name, args.get(1), 0)) {
          parts.add(String.valueOf(part));
        }
        return String.join(String.valueOf(args.get(0)), parts);
      }
      case "Fn::Select": {
        List<?> args = list(name, resolve(argument), 2);
        List<?> from = list(name, args.get(1), 0);
        int index = index(args.get(0));
        if (index < 0 || index >= from.size()) {
          throw new Unresolved("Fn::Select index " + index + " is outside its list");
        }
        return from.get(index);
      }
      case "Fn::Split": {
        List<?> args = list(name, resolve(argument), 2);
        return List.of(String.valueOf(args.get(1)).split(Pattern.quote(String.valueOf(args.get(0))), -1));
      }
      default:
        throw new Unresolved(name + " is not evaluated by Cognate");
    }
  }

  private static int index(Object value) throws Unresolved {
    try {
      return Integer.parseInt(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new Unresolved("Fn::Select index " + value + " is not a number");
    }
  }

  private static List<?> list(String function, Object value, int size) throws Unresolved {
    if (!(value instanceof List<?> list) || list.size() < size) {
      throw new Unresolved(function + " needs a list" + (size > 0 ? " of " + size : ""));
    }
    return list;
  }

  private Object ref(String name) throws Unresolved {
    if (pseudoParameters.containsKey(name)) {
      return pseudoParameters.get(name);
    }
    if (template.parameters().containsKey(name)) {
      return template.parameters().get(name);
    }
    ProvisionedResource resource = provisioned.get(name);
    if (resource != null) {
      return resource.physicalId();
    }
    if (template.resources().containsKey(name)) {
      return name;
    }
    throw new Unresolved("Ref to " + name + ", which is neither a resource nor a parameter with a Default");
  }

  private String getAtt(String logicalId, String attribute) throws Unresolved {
    ProvisionedResource resource = provisioned.get(logicalId);
    if (resource != null) {
      String value = resource.attributes().get(attribute);
      if (value == null) {
        throw new Unresolved("Fn::GetAtt " + logicalId + "." + attribute + ": " + resource.type() + " has no attribute "
            + attribute + " here");
      }
      return value;
    }
    Template.Resource other = template.resources().get(logicalId);
    if (other == null) {
      throw new Unresolved("Fn::GetAtt names " + logicalId + ", which is not a resource of the template");
    }
    return attribute.equals("Arn") ? placeholderArn(other) : logicalId + "." + attribute;
  }

  /** An ARN of the right service for a resource that only exists on AWS, such as a trigger's Lambda function. */
  private String placeholderArn(Template.Resource resource) {
    String[] type = resource.type().split("::");
    String service = type.length > 1 ? type[1].toLowerCase(Locale.ROOT) : "cloudformation";
    String partition = pseudoParameters.get("AWS::Partition");
    String region = pseudoParameters.get("AWS::Region");
    String account = pseudoParameters.get("AWS::AccountId");
    if (service.equals("serverless") || service.equals("lambda")) {
      return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + resource.logicalId();
    }
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource.logicalId();
  }

  private String sub(Object argument) throws Unresolved {
    String text;
    Map<String, Object> variables = new LinkedHashMap<>();
    if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String first) {
      text = first;
      for (Map.Entry<String, Object> entry : TemplateParser.map(list.get(1)).entrySet()) {
        variables.put(entry.getKey(), resolve(entry.getValue()));
      }
    } else if (argument instanceof String only) {
      text = only;
    } else {
      throw new Unresolved("Fn::Sub needs a string or a [string, map] list");
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String variable = m.group(1);
      String replacement;
      if (variable.startsWith("!")) {
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = String.valueOf(variables.get(variable));
      } else if (variable.contains(".") && !pseudoParameters.containsKey(variable)) {
        String[] parts = variable.split("\\.", 2);
        replacement = getAtt(parts[0], parts[1]);
      } else {
        replacement = String.valueOf(ref(variable));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
