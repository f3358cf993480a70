package dev.cognate.contract;

import dev.cognate.Cognate;
import dev.cognate.junit.CognateTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every contract case: the same test code on every target. The in-process emulator comes from Cognate's
 * own JUnit extension, shared by the whole run; other targets leave it idle.
 */
@CognateTest(sharedPerJvm = true)
@ExtendWith({ContractExtension.class, ParityRecorder.class})
abstract class ContractCase {
  static Cognate emulator;
}
