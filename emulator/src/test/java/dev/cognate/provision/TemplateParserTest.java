package dev.cognate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateParserTest {
  @TempDir Path dir;

  private Template parse(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return TemplateParser.read(new TemplateSource(Location.of(file), Optional.empty()));
  }

  @Test
  void shortTagsBecomeTheirLongForm() throws IOException {
    Template template =
        parse(
            "tags.yaml",
            """
            Resources:
              Client:
                Type: AWS::Cognito::UserPoolClient
                DependsOn: Other
                Properties:
                  A: !Ref Pool
                  B: !GetAtt Pool.ProviderURL
                  C: !GetAtt [Pool, Arn]
                  D: !Sub "${Pool}-x"
                  E: !Sub ["${N}", {N: !Ref Pool}]
                  F: !Select [1, !Split [",", "a,b"]]
                  G: !Join ["", [a, !Ref Pool]]
            """);
    Template.Resource client = template.resources().get("Client");
    assertEquals("tags", template.stack());
    assertEquals(List.of("Other"), client.dependsOn());
    Map<String, Object> p = client.properties();
    assertEquals(Map.of("Ref", "Pool"), p.get("A"));
    assertEquals(Map.of("Fn::GetAtt", List.of("Pool", "ProviderURL")), p.get("B"));
    assertEquals(Map.of("Fn::GetAtt", List.of("Pool", "Arn")), p.get("C"));
    assertEquals(Map.of("Fn::Sub", "${Pool}-x"), p.get("D"));
    assertEquals(Map.of("Fn::Sub", List.of("${N}", Map.of("N", Map.of("Ref", "Pool")))), p.get("E"));
    assertEquals(Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of(",", "a,b")))), p.get("F"));
    assertEquals(Map.of("Fn::Join", List.of("", List.of("a", Map.of("Ref", "Pool")))), p.get("G"));
  }

  @Test
  void onOffYesNoAndDatesStayStringsAsCloudFormationReadsThem() throws IOException {
    Template template =
        parse(
            "scalars.yaml",
            """
            Resources:
              Pool:
                Type: AWS::Cognito::UserPool
                Properties:
                  MfaConfiguration: OFF
                  Other: on
                  Answer: yes
                  Day: 2010-09-09
                  Flag: true
                  Count: 3
            """);
    assertEquals(
        Map.of("MfaConfiguration", "OFF", "Other", "on", "Answer", "yes", "Day", "2010-09-09", "Flag", true, "Count", 3),
        template.resources().get("Pool").properties());
  }

  @Test
  void jsonWithTabsIsReadAsJson() throws IOException {
    Template template =
        parse("stack.template.json", "{\n\t\"Parameters\": {\"P\": {\"Default\": 5}},\n\t\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}\n}");
    assertEquals("stack.template", template.stack());
    assertEquals(Map.of("P", 5), template.parameters());
    assertEquals("AWS::S3::Bucket", template.resources().get("B").type());
  }

  @Test
  void serverlessStackIsServiceAndStageAndVariablesResolve() throws IOException {
    Template template =
        parse(
            "serverless.yml",
            """
            service: {name: orders}
            provider: {stage: "${opt:stage, 'qa'}"}
            custom: {prefix: "${self:service.name}-${sls:stage}"}
            resources:
              Resources:
                Pool:
                  Type: AWS::Cognito::UserPool
                  Properties:
                    UserPoolName: ${self:custom.prefix}-users
                    Kept: ${ssm:/not/a/serverless/variable/we/resolve}
            """);
    assertEquals("orders-qa", template.stack());
    assertEquals("orders-qa-users", template.resources().get("Pool").properties().get("UserPoolName"));
    assertEquals("${ssm:/not/a/serverless/variable/we/resolve}", template.resources().get("Pool").properties().get("Kept"));
  }

  @Test
  void unreadableFilesAreRefusedWithTheirName() throws IOException {
    ProvisioningException list = assertThrows(ProvisioningException.class, () -> parse("list.yaml", "- a\n- b\n"));
    assertTrue(list.getMessage().endsWith("list.yaml: cannot read it: the file must hold a mapping at its top level"), list.getMessage());
    ProvisioningException missing =
        assertThrows(
            ProvisioningException.class,
            () -> TemplateParser.read(new TemplateSource(Location.classpath("no/such.yaml"), Optional.empty())));
    assertEquals("template classpath:no/such.yaml: cannot read it: no class path resource no/such.yaml", missing.getMessage());
    ProvisioningException untyped =
        assertThrows(ProvisioningException.class, () -> parse("untyped.yaml", "Resources:\n  X:\n    Properties: {}\n"));
    assertEquals("template untyped.yaml, X: a resource needs a Type", untyped.getMessage());
  }
}
