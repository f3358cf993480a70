package dev.cognate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
  private final Template template =
      new Template(
          "t.yaml",
          "shop",
          Map.of("Env", "dev"),
          Map.of(
              "Pool", resource("Pool", "AWS::Cognito::UserPool"),
              "Fn", resource("Fn", "AWS::Lambda::Function")));
  private final Map<String, ProvisionedResource> provisioned = new LinkedHashMap<>();
  private final Intrinsics intrinsics =
      new Intrinsics(template, PseudoParameters.of("cn-north-1", "123456789012", "shop"), provisioned);

  private static Template.Resource resource(String id, String type) {
    return new Template.Resource(id, type, Map.of(), Map.of(), List.of(), null);
  }

  @Test
  void refsGetAttsAndSubsResolveAgainstWhatIsProvisioned() throws Exception {
    provisioned.put(
        "Pool",
        new ProvisionedResource("Pool", "AWS::Cognito::UserPool", "cn-north-1_abc", Map.of("Arn", "arn:x"), false));
    assertEquals("cn-north-1_abc", intrinsics.resolve(Map.of("Ref", "Pool")));
    assertEquals("arn:x", intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Pool", "Arn"))));
    assertEquals(
        "shop-dev-cn-north-1_abc-arn:x-aws-cn-amazonaws.com.cn-${Literal}",
        intrinsics.resolve(
            Map.of("Fn::Sub", "${AWS::StackName}-${Env}-${Pool}-${Pool.Arn}-${AWS::Partition}-${AWS::URLSuffix}-${!Literal}")));
    assertEquals("v-1", intrinsics.resolve(Map.of("Fn::Sub", List.of("${A}-${B}", Map.of("A", "v", "B", 1)))));
    assertEquals("arn:aws-cn:lambda:cn-north-1:123456789012:function:Fn", intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Fn", "Arn"))));
    assertEquals("b", intrinsics.resolve(Map.of("Fn::Select", List.of("1", Map.of("Fn::Split", List.of(",", "a,b"))))));
  }

  @Test
  void functionsNotEvaluatedAndUnknownNamesAreUnresolved() {
    assertEquals(
        "Fn::If is not evaluated by Cognate",
        assertThrows(Intrinsics.Unresolved.class, () -> intrinsics.resolve(Map.of("Fn::If", List.of("C", 1, 2))))
            .getMessage());
    assertEquals(
        "Ref to Nope, which is neither a resource nor a parameter with a Default",
        assertThrows(Intrinsics.Unresolved.class, () -> intrinsics.resolve(Map.of("Ref", "Nope"))).getMessage());
    assertEquals(
        "Fn::Select index 5 is outside its list",
        assertThrows(Intrinsics.Unresolved.class, () -> intrinsics.resolve(Map.of("Fn::Select", List.of(5, List.of("a")))))
            .getMessage());
  }

  @Test
  void referencesAreFoundInRefGetAttAndSub() {
    assertEquals(
        Set.of("A", "B", "C", "D"),
        Intrinsics.references(
            Map.of(
                "x", Map.of("Ref", "A"),
                "y", List.of(Map.of("Fn::GetAtt", List.of("B", "Arn"))),
                "z", Map.of("Fn::Sub", List.of("${C.Arn}-${!Not}-${V}", Map.of("V", Map.of("Ref", "D")))))));
  }
}
