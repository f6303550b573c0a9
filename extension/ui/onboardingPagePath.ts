/** The onboarding tab's page inside the extension (a Vite input beside the manifest's popup). */
export const onboardingPagePath = 'extension/ui/onboarding/onboarding.html';
